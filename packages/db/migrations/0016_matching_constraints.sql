-- Matching on the person's real constraints, and what a hire costs the employer.

-- 1. Physical limits from the domain's vocabulary (PHYSICAL_DEMANDS, the same list as a vacancy's
--    physical demands). The free text written so far stays, as the note beside the list: a coach
--    reads it and ticks the limits it says; nothing is guessed from it. Both are health data.
ALTER TABLE person RENAME COLUMN physical_limits TO physical_limits_note;
ALTER TABLE person ADD COLUMN physical_limits jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(physical_limits) = 'array');
COMMENT ON COLUMN person.physical_limits IS 'sensitive: health';
COMMENT ON COLUMN person.physical_limits_note IS 'sensitive: health';

-- 2. Languages with a level per skill (understand, speak, read, write; packages/domain languages.ts).
--    A person's language was a bare name ("français", "Arabe", "nl"): it becomes its code with
--    understanding and speaking « bien » (the coach listed what the person speaks), reading and
--    writing not recorded (LEGACY_NAMED_LANGUAGE_SKILLS). Names map to ISO codes like the domain's
--    normalizeLanguage for the usual languages; any other name is kept, lower-cased, as its code.
CREATE FUNCTION jc_language_code(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE
    WHEN f ~ '^[a-z]{2}([-_][a-z]{2})?$' THEN substr(f, 1, 2)
    WHEN f IN ('francais', 'french', 'frans', 'franzosisch', 'fra', 'fre') THEN 'fr'
    WHEN f IN ('neerlandais', 'flamand', 'dutch', 'flemish', 'nederlands', 'vlaams', 'niederlandisch', 'nld', 'dut') THEN 'nl'
    WHEN f IN ('allemand', 'german', 'deutsch', 'duits', 'deu', 'ger') THEN 'de'
    WHEN f IN ('anglais', 'english', 'engels', 'englisch', 'eng') THEN 'en'
    WHEN f IN ('italien', 'italian', 'italiano', 'ita') THEN 'it'
    WHEN f IN ('espagnol', 'spanish', 'espanol', 'spa') THEN 'es'
    WHEN f IN ('portugais', 'portuguese', 'por') THEN 'pt'
    WHEN f IN ('arabe', 'arabic', 'ara') THEN 'ar'
    WHEN f IN ('turc', 'turkish', 'tur') THEN 'tr'
    WHEN f IN ('polonais', 'polish', 'pol') THEN 'pl'
    WHEN f IN ('roumain', 'romanian', 'ron', 'rum') THEN 'ro'
    WHEN f IN ('russe', 'russian', 'rus') THEN 'ru'
    WHEN f IN ('albanais', 'albanian') THEN 'sq'
    WHEN f IN ('ukrainien', 'ukrainian') THEN 'uk'
    WHEN f IN ('persan', 'farsi') THEN 'fa'
    WHEN f = 'lingala' THEN 'ln'
    WHEN f = 'swahili' THEN 'sw'
    ELSE f
  END
  FROM (SELECT regexp_replace(jc_fold(trim(name)), '\s+', ' ', 'g') AS f) AS folded
$$;

UPDATE person SET languages = (
  SELECT coalesce(jsonb_agg(
    CASE WHEN jsonb_typeof(e) = 'string'
      THEN jsonb_build_object('code', jc_language_code(e #>> '{}'), 'understand', 'good', 'speak', 'good')
      ELSE e END), '[]'::jsonb)
  FROM jsonb_array_elements(languages) AS e
  WHERE jsonb_typeof(e) <> 'string' OR trim(e #>> '{}') <> ''
)
WHERE languages <> '[]'::jsonb;

DROP FUNCTION jc_language_code(text);

--    A vacancy's requirement had one level (basic < reads < speaks < fluent): it asks the skill it
--    named (LEGACY_REQUIREMENT_SKILLS): reads → read « bien »; speaks → understand and speak
--    « bien »; fluent → understand and speak « couramment »; basic → understand and speak « notions ».
CREATE FUNCTION jc_requirement_skills(requirements jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT jsonb_set(requirements, '{languages}', coalesce((
    SELECT jsonb_agg((l - 'level') || CASE l ->> 'level'
      WHEN 'basic' THEN '{"understand": "basic", "speak": "basic"}'::jsonb
      WHEN 'reads' THEN '{"read": "good"}'::jsonb
      WHEN 'speaks' THEN '{"understand": "good", "speak": "good"}'::jsonb
      WHEN 'fluent' THEN '{"understand": "fluent", "speak": "fluent"}'::jsonb
      ELSE '{}'::jsonb END)
    FROM jsonb_array_elements(requirements -> 'languages') AS l), '[]'::jsonb))
$$;

UPDATE vacancy SET published = jc_requirement_skills(published)
  WHERE jsonb_typeof(published -> 'languages') = 'array' AND published -> 'languages' <> '[]'::jsonb;
UPDATE vacancy SET objectified = jc_requirement_skills(objectified)
  WHERE objectified IS NOT NULL AND jsonb_typeof(objectified -> 'languages') = 'array'
    AND objectified -> 'languages' <> '[]'::jsonb;

DROP FUNCTION jc_requirement_skills(jsonb);

-- 3. Hiring aids as dated configuration for the whole installation (packages/domain
--    hiring-aids.ts): the administrator edits them; a new amount is a new row from its date, the
--    old one closed the day before. Shipped with DEFAULT_HIRING_AID_RULES (a test ties the two).
CREATE TABLE hiring_aid_rule (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,50}$'),
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  authority text NOT NULL CHECK (authority IN ('wallonia', 'federal', 'cpas', 'other')),
  conditions jsonb NOT NULL CHECK (jsonb_typeof(conditions) = 'object'),
  employer_condition text CHECK (length(employer_condition) <= 1000),
  amount text NOT NULL CHECK (length(trim(amount)) BETWEEN 1 AND 1000),
  monthly_amount numeric(10, 2) CHECK (monthly_amount >= 0),
  duration_months integer CHECK (duration_months > 0),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  source text NOT NULL CHECK (length(trim(source)) BETWEEN 1 AND 2000),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hiring_aid_rule_code_idx ON hiring_aid_rule (code, valid_from);

INSERT INTO hiring_aid_rule
  (code, name, authority, conditions, employer_condition, amount, monthly_amount, duration_months, valid_from, valid_to, source)
VALUES
  ('activa', 'Plan Activa (allocation de travail)', 'federal',
   '{"ageBelow":null,"ageFrom":null,"minJoblessMonths":12,"incomes":null,"walloonResident":true}',
   NULL,
   '500 € par mois d’allocation de travail, déduits du salaire net, pendant 16 mois au plus', 500, 16, '2002-01-01', '2017-06-30',
   'Arrêté royal du 19 décembre 2001 (plan Activa), remplacé en Wallonie par les aides Impulsion au 1er juillet 2017 (décret wallon du 2 février 2017)'),
  ('impulsion_under_25', 'Impulsion -25 ans', 'wallonia',
   '{"ageBelow":25,"ageFrom":null,"minJoblessMonths":null,"incomes":null,"walloonResident":true}',
   NULL,
   '500 € par mois d’allocation de travail, déduits du salaire net, pendant 24 mois au plus', 500, 24, '2017-07-01', NULL,
   'Décret wallon du 2 février 2017 relatif aux aides à la promotion de l’emploi ; le Forem, « Impulsion -25 ans » (conditions de diplôme et d’inscription à vérifier)'),
  ('impulsion_12_months', 'Impulsion 12 mois +', 'wallonia',
   '{"ageBelow":null,"ageFrom":25,"minJoblessMonths":12,"incomes":null,"walloonResident":true}',
   NULL,
   '500 € par mois d’allocation de travail, déduits du salaire net, pendant 24 mois au plus', 500, 24, '2017-07-01', NULL,
   'Décret wallon du 2 février 2017 relatif aux aides à la promotion de l’emploi ; le Forem, « Impulsion 12 mois + »'),
  ('impulsion_55_plus', 'Impulsion 55 ans +', 'wallonia',
   '{"ageBelow":null,"ageFrom":55,"minJoblessMonths":null,"incomes":null,"walloonResident":true}',
   'Salaire trimestriel sous le plafond fixé par la Région ; montant selon l’âge du travailleur',
   'Réduction des cotisations patronales, de l’ordre de 1 000 € par trimestre selon l’âge', 333.33, NULL, '2017-07-01', NULL,
   'Décret wallon du 2 février 2017 relatif aux aides à la promotion de l’emploi (réduction groupe-cible travailleurs âgés) ; le Forem, « Impulsion 55 ans + »'),
  ('first_hires_reduction', 'Réduction groupe-cible premiers engagements', 'federal',
   '{"ageBelow":null,"ageFrom":null,"minJoblessMonths":null,"incomes":null,"walloonResident":false}',
   'L’employeur engage son premier à sixième travailleur (à vérifier avec l’employeur)',
   'Réduction des cotisations patronales par trimestre, selon le rang de l’engagement', NULL, NULL, '2004-01-01', NULL,
   'Loi-programme du 24 décembre 2002, art. 343 et suivants ; ONSS, instructions administratives « Réduction groupe-cible premiers engagements »'),
  ('art60', 'Mise à l’emploi article 60 §7', 'cpas',
   '{"ageBelow":null,"ageFrom":null,"minJoblessMonths":null,"incomes":["integration_income"],"walloonResident":false}',
   'Le CPAS est l’employeur et met la personne à disposition (convention avec le CPAS)',
   'Le CPAS engage et met à disposition ; coût pour l’utilisateur selon la convention', NULL, NULL, '1976-08-05', NULL,
   'Loi organique des CPAS du 8 juillet 1976, article 60 §7');

-- 4. Basin vacancies: an organisation asks to present one of its candidates for an open vacancy
--    of another organisation of its basin; the offering organisation accepts or declines. The row
--    belongs to the asking organisation (its person); the offering one reads and decides through
--    the basin exception, and sees the coach's note, never the person's file.
CREATE TABLE basin_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  person_id uuid NOT NULL,
  vacancy_organisation_id uuid NOT NULL REFERENCES organisation (id),
  vacancy_id uuid NOT NULL,
  note text NOT NULL CHECK (length(trim(note)) BETWEEN 1 AND 2000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  decided_on date,
  decided_by uuid REFERENCES app_user (id),
  decision_note text CHECK (length(decision_note) <= 2000),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (organisation_id <> vacancy_organisation_id),
  CHECK ((status = 'pending') = (decided_on IS NULL)),
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  FOREIGN KEY (vacancy_organisation_id, vacancy_id) REFERENCES vacancy (organisation_id, id)
);
CREATE INDEX basin_request_vacancy_idx ON basin_request (vacancy_organisation_id, vacancy_id);
CREATE UNIQUE INDEX basin_request_pending_key ON basin_request (organisation_id, person_id, vacancy_id)
  WHERE status = 'pending';

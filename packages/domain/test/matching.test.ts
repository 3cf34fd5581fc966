import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessMatch,
  DIPLOMA_LEVELS,
  MATCH_REASON_KEYS,
  type MatchingPerson,
  type MatchingVacancy,
  type MatchResult,
  naceSection,
  normalizeLanguage,
  PHYSICAL_DEMANDS,
  prepareVacancy,
  REQUIRED_SKILL_LEVELS,
  rankPersons,
  rankPreparedVacancies,
  rankVacancies,
  SCHEDULE_LIMITS,
  SKILL_LEVELS,
  STUDIES,
  VACANCY_CONTRACT_TYPES,
  type VacancyRequirements,
  WEEKDAYS,
  WORK_SCHEDULES,
} from '../src/index.ts';

/** A person from Fleurus, no particular constraint, nothing wished. */
const person: MatchingPerson = {
  drivingLicence: true,
  hasCar: true,
  publicTransport: true,
  maxTravelMinutes: 45,
  commune: 'Fleurus',
  languages: [{ code: 'fr', understand: 'fluent', speak: 'fluent', read: 'fluent', write: 'fluent' }],
  scheduleDays: [],
  scheduleLimits: [],
  physicalLimits: [],
  singleParent: false,
  childrenCount: 0,
  wishedSectors: [],
  wishedJobs: [],
  studies: 'ceb',
  cdiOnly: false,
  hiringAids: [],
};

const published: VacancyRequirements = {
  text: 'Magasinier H/F, permis B, bilingue, 2 ans d’expérience',
  diplomaLevel: null,
  languages: [],
  drivingLicence: false,
  car: false,
  experienceYears: null,
};

/** A day job in Charleroi, 11 km from Fleurus. */
const vacancy: MatchingVacancy = {
  title: 'Magasinier (H/F)',
  sectorCode: '52.10',
  contract: { type: 'cdi' },
  hoursPerWeek: 38,
  schedule: ['day'],
  commune: 'Charleroi',
  published,
  objectified: null,
  physicalDemands: [],
  qualityNote: null,
};

/** Each reason of that kind as its wording's key and the values it names. */
const said = (result: MatchResult, kind?: string) =>
  result.reasons
    .filter((r) => kind === undefined || r.kind === kind)
    .map((r) => ({ key: r.key, ...r.params }));

describe('hard constraints', () => {
  it('night work is incompatible with a single parent’s childcare when the person cannot work nights', () => {
    const mother: MatchingPerson = {
      ...person,
      singleParent: true,
      childrenCount: 2,
      scheduleLimits: ['no_night'],
    };
    const nights: MatchingVacancy = { ...vacancy, schedule: ['night', 'shifts'] };
    const result = assessMatch(mother, nights);
    expect(result.compatible).toBe(false);
    expect(result.score).toBe(0);
    expect(said(result, 'blocking')).toEqual([{ key: 'schedule.night', because: 'childcare' }]);
    // The same limit on a person without children reads neutrally.
    const other = assessMatch({ ...person, scheduleLimits: ['no_night'] }, nights);
    expect(said(other, 'blocking')).toEqual([{ key: 'schedule.night', because: 'availability' }]);
    // A single parent who can work nights is not blocked by night work.
    expect(assessMatch({ ...mother, scheduleLimits: [] }, nights).compatible).toBe(true);
    // Day work fits.
    expect(assessMatch(mother, vacancy).compatible).toBe(true);
  });

  it('each schedule limit blocks its own kind of hours', () => {
    const all: MatchingVacancy = { ...vacancy, schedule: ['evening', 'weekend', 'shifts'] };
    const result = assessMatch({ ...person, scheduleLimits: ['no_evening', 'no_weekend', 'no_shifts'] }, all);
    expect(said(result, 'blocking')).toEqual([
      { key: 'schedule.evening', because: 'availability' },
      { key: 'schedule.weekend', because: 'availability' },
      { key: 'schedule.shifts', because: 'availability' },
    ]);
  });

  it('the days the person can work block weekend work, or week work for a weekend-only person', () => {
    const weekdays: MatchingPerson = { ...person, scheduleDays: ['mon', 'tue', 'wed', 'thu', 'fri'] };
    expect(said(assessMatch(weekdays, { ...vacancy, schedule: ['day', 'weekend'] }), 'blocking')).toEqual([
      { key: 'schedule_days.weekdaysOnly' },
    ]);
    expect(assessMatch(weekdays, vacancy).compatible).toBe(true);
    const weekendOnly: MatchingPerson = { ...person, scheduleDays: ['sat', 'sun'] };
    expect(assessMatch(weekendOnly, { ...vacancy, hoursPerWeek: 16 }).compatible).toBe(false);
    // Three days cannot hold 38 hours: a minus, not a block.
    const threeDays = assessMatch({ ...person, scheduleDays: ['mon', 'tue', 'wed'] }, vacancy);
    expect(threeDays.compatible).toBe(true);
    expect(said(threeDays, 'minus')).toContainEqual({
      key: 'schedule_days.tooFew',
      hours: 38,
      needed: 5,
      days: 3,
    });
  });

  it('a person who accepts only a CDI is not proposed a CDD', () => {
    const cdiOnly: MatchingPerson = { ...person, cdiOnly: true };
    const cdd: MatchingVacancy = { ...vacancy, contract: { type: 'cdd', months: 6 } };
    const result = assessMatch(cdiOnly, cdd);
    expect(result.compatible).toBe(false);
    expect(result.score).toBe(0);
    expect(said(result, 'blocking')).toEqual([{ key: 'cdi_only', contract: 'cdd', months: 6 }]);
    expect(assessMatch(cdiOnly, { ...vacancy, contract: { type: 'interim' } }).compatible).toBe(false);
    expect(assessMatch(cdiOnly, vacancy).compatible).toBe(true);
    expect(assessMatch(person, cdd).compatible).toBe(true);
  });

  it('a person without a driving licence is not proposed a job that requires one', () => {
    const noLicence: MatchingPerson = { ...person, drivingLicence: false, hasCar: false };
    const licence: MatchingVacancy = { ...vacancy, published: { ...published, drivingLicence: true } };
    const result = assessMatch(noLicence, licence);
    expect(result.compatible).toBe(false);
    expect(result.score).toBe(0);
    expect(said(result, 'blocking')).toEqual([{ key: 'driving_licence.missing' }]);
    // A car required implies the licence, and the car itself.
    const car = assessMatch(noLicence, { ...vacancy, published: { ...published, car: true } });
    expect(said(car, 'blocking')).toEqual([{ key: 'driving_licence.missing' }, { key: 'car.missing' }]);
    // Unknown licence: to check, never a block.
    const unknown = assessMatch({ ...person, drivingLicence: null }, licence);
    expect(unknown.compatible).toBe(true);
    expect(unknown.reasons.find((r) => r.code === 'driving_licence')?.kind).toBe('info');
  });

  it('physical demands the person cannot meet block', () => {
    const back: MatchingPerson = {
      ...person,
      physicalLimits: ['heavy_loads'],
      physicalLimitsNote: 'Dos fragile',
    };
    const result = assessMatch(back, { ...vacancy, physicalDemands: ['heavy_loads', 'long_standing'] });
    expect(result.compatible).toBe(false);
    expect(said(result, 'blocking')).toEqual([{ key: 'physical.heavy_loads' }]);
    expect(said(result, 'info')).toContainEqual({ key: 'physical_note', note: 'Dos fragile' });
    expect(assessMatch(back, { ...vacancy, physicalDemands: ['long_standing'] }).compatible).toBe(true);
  });

  it('a night-work limit blocks night hours even when the offer lists no such demand', () => {
    const noNights: MatchingPerson = { ...person, physicalLimits: ['night_work', 'cold_heat'] };
    const result = assessMatch(noNights, { ...vacancy, schedule: ['night'], physicalDemands: ['cold_heat'] });
    expect(said(result, 'blocking')).toEqual([{ key: 'physical.cold_heat' }, { key: 'physical.night_work' }]);
  });

  it('lists every reason of an incompatible pair, soft ones included', () => {
    const result = assessMatch(
      { ...person, cdiOnly: true, drivingLicence: false, wishedJobs: ['magasinier'] },
      { ...vacancy, contract: { type: 'interim' }, published: { ...published, drivingLicence: true } },
    );
    expect(result.score).toBe(0);
    expect(result.reasons.filter((r) => r.kind === 'blocking')).toHaveLength(2);
    expect(said(result, 'plus')).toContainEqual({ key: 'wished_job', job: 'magasinier' });
    expect(result.reasons.every((r) => r.kind !== 'blocking' || r.points === 0)).toBe(true);
    expect(result.distanceKm).not.toBeNull();
  });
});

describe('languages and the objectified offer', () => {
  // Method §6: "warehouseman speaking German" really needed only to read German labels.
  // « parler allemand couramment »
  const germanPublished: VacancyRequirements = { ...published, languages: [{ code: 'de', speak: 'fluent' }] };
  const germanVacancy: MatchingVacancy = { ...vacancy, commune: 'Eupen', published: germanPublished };
  // « lit l'allemand »: reads it well, understands a little, does not speak nor write it.
  const readsGerman: MatchingPerson = {
    ...person,
    commune: 'Verviers',
    languages: [
      { code: 'fr', understand: 'fluent', speak: 'fluent', read: 'good', write: 'basic' },
      { code: 'de', understand: 'basic', speak: 'none', read: 'good', write: 'none' },
    ],
  };

  it('blocks a person who only reads German when the published offer asks to speak it fluently', () => {
    const result = assessMatch(readsGerman, germanVacancy);
    expect(result.basis).toBe('published');
    expect(result.compatible).toBe(false);
    expect(said(result, 'blocking')).toEqual([
      { key: 'language.short', language: 'de', asked: [['speak', 'fluent']], short: [['speak', 'none']] },
    ]);
  });

  it('opens the job to that person once the coach objectified it as reading German labels', () => {
    const objectified: MatchingVacancy = {
      ...germanVacancy,
      objectified: {
        ...germanPublished,
        // « lire des étiquettes en allemand »
        languages: [{ code: 'de', read: 'basic' }],
        taskDescription: 'Préparer les commandes en lisant les étiquettes en allemand',
      },
    };
    const result = assessMatch(readsGerman, objectified);
    expect(result.basis).toBe('objectified');
    expect(result.compatible).toBe(true);
    expect(result.score).toBeGreaterThan(0);
    expect(said(result, 'plus')).toContainEqual({
      key: 'language.met',
      language: 'de',
      asked: [['read', 'basic']],
    });
    expect(said(result, 'info')).toContainEqual({ key: 'basis.objectified' });
  });

  it('compares skill by skill: each skill asked must be met, an unrecorded skill is to check', () => {
    const job = (languages: VacancyRequirements['languages']): MatchingVacancy => ({
      ...vacancy,
      published: { ...published, languages },
    });
    const writes = assessMatch(readsGerman, job([{ code: 'de', read: 'basic', write: 'basic' }]));
    expect(said(writes, 'blocking')).toEqual([
      {
        key: 'language.short',
        language: 'de',
        asked: [
          ['read', 'basic'],
          ['write', 'basic'],
        ],
        short: [['write', 'none']],
      },
    ]);
    const partly: MatchingPerson = { ...person, languages: [{ code: 'nl', understand: 'good' }] };
    const check = assessMatch(partly, job([{ code: 'nl', understand: 'basic', speak: 'basic' }]));
    expect(check.compatible).toBe(true);
    expect(said(check, 'info')).toContainEqual({
      key: 'language.toCheck',
      language: 'nl',
      asked: [
        ['understand', 'basic'],
        ['speak', 'basic'],
      ],
      unknown: ['speak'],
    });
  });

  it('uses the objectified requirements whenever they exist, the published ones otherwise', () => {
    const strictPublished: VacancyRequirements = { ...published, drivingLicence: true, diplomaLevel: 'cess' };
    const withObjectified: MatchingVacancy = {
      ...vacancy,
      published: strictPublished,
      objectified: { ...published, taskDescription: 'Ranger le stock, pas de livraison' },
    };
    const noLicence: MatchingPerson = { ...person, drivingLicence: false };
    expect(assessMatch(noLicence, { ...withObjectified, objectified: null }).compatible).toBe(false);
    const result = assessMatch(noLicence, withObjectified);
    expect(result.basis).toBe('objectified');
    expect(result.compatible).toBe(true);
    expect(result.reasons.some((r) => r.code === 'diploma')).toBe(false);
    // And the other way round: an objectified requirement can be stricter than the published one.
    const stricter = assessMatch(noLicence, {
      ...vacancy,
      objectified: { ...strictPublished, taskDescription: 'Livraisons chez les clients' },
    });
    expect(stricter.compatible).toBe(false);
  });

  it('a higher level meets a lower requirement; a missing language blocks; names and codes compare', () => {
    const fluent: MatchingPerson = {
      ...person,
      languages: ['Français', { code: 'Deutsch', understand: 'fluent', speak: 'fluent' }],
    };
    expect(
      assessMatch(fluent, {
        ...vacancy,
        published: { ...published, languages: [{ code: 'DE', speak: 'good' }] },
      }).compatible,
    ).toBe(true);
    const dutch = assessMatch(fluent, {
      ...vacancy,
      published: { ...published, languages: [{ code: 'nl', understand: 'basic' }] },
    });
    expect(said(dutch, 'blocking')).toEqual([
      { key: 'language.notSpoken', language: 'nl', asked: [['understand', 'basic']] },
    ]);
    // A language recorded without a level, or no languages recorded at all: to check, not a block.
    const noLevel = assessMatch(
      { ...person, languages: ['fr', 'nl'] },
      {
        ...vacancy,
        published: { ...published, languages: [{ code: 'nl', speak: 'fluent' }] },
      },
    );
    expect(noLevel.compatible).toBe(true);
    expect(said(noLevel, 'info')).toContainEqual({
      key: 'language.toCheck',
      language: 'nl',
      asked: [['speak', 'fluent']],
      unknown: ['speak'],
    });
    const nlBasic: MatchingVacancy = {
      ...vacancy,
      published: { ...published, languages: [{ code: 'nl', understand: 'basic' }] },
    };
    const notRecorded = assessMatch({ ...person, languages: [] }, nlBasic);
    expect(notRecorded.compatible).toBe(true);
    expect(said(notRecorded, 'info')).toContainEqual({
      key: 'language.notRecorded',
      language: 'nl',
      asked: [['understand', 'basic']],
    });
  });

  it('normalises language codes and names', () => {
    expect(normalizeLanguage('FR')).toBe('fr');
    expect(normalizeLanguage('fr-BE')).toBe('fr');
    expect(normalizeLanguage('Néerlandais')).toBe('nl');
    expect(normalizeLanguage('flamand')).toBe('nl');
    expect(normalizeLanguage('Allemand')).toBe('de');
    expect(normalizeLanguage('English')).toBe('en');
    expect(normalizeLanguage('Wallon')).toBe('wallon');
  });
});

describe('soft preferences', () => {
  it('a diploma below the one asked costs points but never blocks', () => {
    const cess: MatchingVacancy = { ...vacancy, published: { ...published, diplomaLevel: 'cess' } };
    const result = assessMatch(person, cess);
    expect(result.compatible).toBe(true);
    expect(said(result, 'minus')).toContainEqual({ key: 'diploma.short', diploma: 'cess', studies: 'ceb' });
    expect(result.score).toBeLessThan(assessMatch(person, vacancy).score);
    expect(said(assessMatch({ ...person, studies: 'other' }, cess), 'minus')).toContainEqual({
      key: 'diploma.short',
      diploma: 'cess',
      studies: 'other',
    });
    expect(assessMatch({ ...person, studies: 'cess' }, cess).score).toBe(assessMatch(person, vacancy).score);
  });

  it('wished jobs and sectors raise the score; wishes none of which is met lower it', () => {
    const neutral = assessMatch(person, vacancy).score;
    const job = assessMatch({ ...person, wishedJobs: ['magasinier'] }, vacancy);
    expect(said(job, 'plus')).toContainEqual({ key: 'wished_job', job: 'magasinier' });
    expect(job.score).toBeGreaterThan(neutral);
    const section = assessMatch({ ...person, wishedSectors: ['H'] }, vacancy);
    expect(said(section, 'plus')).toContainEqual({ key: 'wished_sector.section', section: 'H' });
    expect(
      assessMatch({ ...person, wishedSectors: ['52'] }, vacancy).reasons.some(
        (r) => r.code === 'wished_sector',
      ),
    ).toBe(true);
    expect(
      assessMatch({ ...person, wishedSectors: ['logistique'] }, vacancy).reasons.some(
        (r) => r.code === 'wished_sector',
      ),
    ).toBe(true);
    const horeca = assessMatch(
      { ...person, wishedSectors: ['horeca'], wishedJobs: ['aide-cuisinier'] },
      vacancy,
    );
    expect(said(horeca, 'minus')).toContainEqual({ key: 'wishes_not_met' });
    expect(horeca.score).toBeLessThan(neutral);
    const kitchen = assessMatch(
      { ...person, wishedSectors: ['horeca'], wishedJobs: ['Aide cuisinier'] },
      { ...vacancy, title: 'Aide-cuisinière / aide-cuisinier', sectorCode: '56.10' },
    );
    expect(kitchen.reasons.filter((r) => r.kind === 'plus').map((r) => r.code)).toEqual(
      expect.arrayContaining(['wished_job', 'wished_sector']),
    );
  });

  it('estimates travel between the communes and compares it with the person’s limit', () => {
    const near = assessMatch(person, vacancy);
    expect(near.distanceKm).toBeCloseTo(11, 0);
    expect(near.travelMinutes).toBe(26);
    expect(said(near, 'plus')).toContainEqual({ key: 'travel.within', minutes: 26, km: 11, max: 45 });
    const far = assessMatch(person, { ...vacancy, commune: 'Arlon' });
    expect(far.compatible).toBe(true);
    expect(far.reasons.find((r) => r.code === 'travel')).toMatchObject({ kind: 'minus', points: -25 });
    const unknown = assessMatch({ ...person, commune: null }, vacancy);
    expect(unknown.distanceKm).toBeNull();
    expect(unknown.travelMinutes).toBeNull();
    expect(unknown.reasons.find((r) => r.code === 'travel')).toMatchObject({
      kind: 'info',
      key: 'travel.unknown',
    });
    expect(
      assessMatch(person, { ...vacancy, commune: 'Atlantis' }).reasons.find((r) => r.code === 'travel')?.key,
    ).toBe('travel.unknown');
    // NIS codes work as communes too; same commune.
    const home = assessMatch({ ...person, commune: '52021' }, { ...vacancy, commune: 'fleurus' });
    expect(home.distanceKm).toBe(0);
    expect(said(home, 'plus')).toContainEqual({
      key: 'travel.within',
      minutes: 10,
      sameCommune: true,
      max: 45,
    });
  });

  it('job quality: CDI > long CDD > short CDD > interim; very few hours count against', () => {
    const score = (contract: MatchingVacancy['contract'], hoursPerWeek = 38) =>
      assessMatch(person, { ...vacancy, contract, hoursPerWeek }).score;
    expect(score({ type: 'cdi' })).toBeGreaterThan(score({ type: 'cdd', months: 12 }));
    expect(score({ type: 'cdd', months: 12 })).toBeGreaterThan(score({ type: 'cdd', months: 3 }));
    expect(score({ type: 'cdd', months: 3 })).toBeGreaterThan(score({ type: 'interim' }));
    expect(score({ type: 'cdi' }, 10)).toBeLessThan(score({ type: 'cdi' }, 24));
    expect(score({ type: 'cdi' }, 24)).toBeLessThan(score({ type: 'cdi' }, 38));
    const small = assessMatch(person, { ...vacancy, hoursPerWeek: 10 });
    expect(said(small, 'minus')).toContainEqual({ key: 'hours.veryFew', hours: 10 });
  });

  it('experience asked counts against, none asked counts for', () => {
    const asked = (experienceYears: number | null) =>
      assessMatch(person, { ...vacancy, published: { ...published, experienceYears } });
    expect(asked(0).score).toBeGreaterThan(asked(null).score);
    expect(asked(null).score).toBeGreaterThan(asked(1).score);
    expect(asked(1).score).toBeGreaterThan(asked(3).score);
    expect(said(asked(2), 'minus')).toContainEqual({ key: 'experience.years', years: 2 });
  });

  it('sorts reasons blocking, plus, minus, info and gives blocking and info reasons no points', () => {
    const result = assessMatch(
      { ...person, cdiOnly: true, wishedJobs: ['magasinier'] },
      { ...vacancy, contract: { type: 'cdd', months: 2 }, qualityNote: 'Salaire au barème' },
    );
    const order = { blocking: 0, plus: 1, minus: 2, info: 3 };
    const kinds = result.reasons.map((r) => order[r.kind]);
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    for (const r of result.reasons) if (r.kind === 'blocking' || r.kind === 'info') expect(r.points).toBe(0);
    expect(said(result, 'info')).toContainEqual({ key: 'quality_note', note: 'Salaire au barème' });
  });
});

describe('NACE codes', () => {
  it('derives the section from a division or class', () => {
    expect(naceSection('56.10')).toBe('I');
    expect(naceSection('5610')).toBe('I');
    expect(naceSection('i')).toBe('I');
    expect(naceSection('81.210')).toBe('N');
    expect(naceSection('01')).toBe('A');
    expect(naceSection('99')).toBe('U');
    expect(naceSection('horeca')).toBeNull();
    expect(naceSection('00')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const communes = [
  'Fleurus',
  'Charleroi',
  'Verviers',
  'Arlon',
  'Namur',
  'Liège',
  'La Louvière',
  'Atlantis',
  '62051',
];
const languageCode = fc.constantFrom('fr', 'nl', 'de', 'en', 'Allemand', 'ar');

const requirementsArb: fc.Arbitrary<VacancyRequirements> = fc.record({
  text: fc.string(),
  diplomaLevel: maybe(fc.constantFrom(...DIPLOMA_LEVELS)),
  languages: fc.array(
    fc.record(
      {
        code: languageCode,
        understand: maybe(fc.constantFrom(...REQUIRED_SKILL_LEVELS)),
        speak: maybe(fc.constantFrom(...REQUIRED_SKILL_LEVELS)),
        read: maybe(fc.constantFrom(...REQUIRED_SKILL_LEVELS)),
        write: maybe(fc.constantFrom(...REQUIRED_SKILL_LEVELS)),
      },
      { requiredKeys: ['code'] },
    ),
    { maxLength: 3 },
  ),
  drivingLicence: fc.boolean(),
  car: fc.boolean(),
  experienceYears: maybe(fc.integer({ min: 0, max: 10 })),
});

const vacancyArb: fc.Arbitrary<MatchingVacancy> = fc.record({
  title: fc.constantFrom('Magasinier (H/F)', 'Aide-cuisinier', 'Technicien de surface', 'Caissière', ''),
  sectorCode: maybe(fc.constantFrom('52.10', '56.10', 'I', 'N', '81', 'G', 'zz')),
  contract: fc.record({
    type: fc.constantFrom(...VACANCY_CONTRACT_TYPES),
    months: maybe(fc.integer({ min: 0, max: 36 })),
  }),
  hoursPerWeek: maybe(fc.double({ min: -5, max: 60, noNaN: false })),
  schedule: subset(WORK_SCHEDULES),
  commune: maybe(fc.constantFrom(...communes)),
  published: requirementsArb,
  objectified: maybe(requirementsArb.map((r) => ({ ...r, taskDescription: 'Tâches' }))),
  physicalDemands: subset(PHYSICAL_DEMANDS),
  qualityNote: maybe(fc.string()),
});

const personArb: fc.Arbitrary<MatchingPerson> = fc.record({
  drivingLicence: maybe(fc.boolean()),
  hasCar: maybe(fc.boolean()),
  publicTransport: maybe(fc.boolean()),
  maxTravelMinutes: maybe(fc.double({ min: -10, max: 180, noNaN: false })),
  commune: maybe(fc.constantFrom(...communes)),
  languages: fc.array(
    fc.oneof(
      languageCode,
      fc.record(
        {
          code: languageCode,
          understand: maybe(fc.constantFrom(...SKILL_LEVELS)),
          speak: maybe(fc.constantFrom(...SKILL_LEVELS)),
          read: maybe(fc.constantFrom(...SKILL_LEVELS)),
          write: maybe(fc.constantFrom(...SKILL_LEVELS)),
        },
        { requiredKeys: ['code'] },
      ),
    ),
    { maxLength: 4 },
  ),
  scheduleDays: subset(WEEKDAYS),
  scheduleLimits: subset(SCHEDULE_LIMITS),
  physicalLimits: subset(PHYSICAL_DEMANDS),
  physicalLimitsNote: maybe(fc.string()),
  singleParent: maybe(fc.boolean()),
  childrenCount: maybe(fc.integer({ min: 0, max: 6 })),
  wishedSectors: fc.array(fc.constantFrom('I', '56', 'horeca', 'H', 'nettoyage', 'vente'), { maxLength: 3 }),
  wishedJobs: fc.array(fc.constantFrom('magasinier', 'aide cuisinier', 'caissière', 'chauffeur'), {
    maxLength: 3,
  }),
  studies: maybe(fc.constantFrom(...STUDIES)),
  cdiOnly: fc.boolean(),
  hiringAids: fc.array(fc.constantFrom('Impulsion 12 mois+', 'Impulsion -25 ans', 'Article 60 §7', 'SINE'), {
    maxLength: 4,
  }),
});

describe('properties', () => {
  it('the score is always an integer from 0 to 100, and 0 exactly when a blocking reason exists', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, (p, v) => {
        const result = assessMatch(p, v);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        const blocked = result.reasons.some((r) => r.kind === 'blocking');
        expect(result.compatible).toBe(!blocked);
        if (blocked) expect(result.score).toBe(0);
        for (const r of result.reasons) {
          expect(MATCH_REASON_KEYS).toContain(r.key);
          expect(r.key === r.code || r.key.startsWith(`${r.code}.`)).toBe(true);
          for (const value of Object.values(r.params ?? {})) {
            if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hiring aids never change the score, the compatibility or the reasons; they are copied beside', () => {
    const aids = fc.array(fc.string(), { maxLength: 5 });
    fc.assert(
      fc.property(personArb, vacancyArb, aids, (p, v, other) => {
        const withAids = assessMatch(p, v);
        const without = assessMatch({ ...p, hiringAids: [] }, v);
        const changed = assessMatch({ ...p, hiringAids: other }, v);
        for (const r of [without, changed]) {
          expect(r.score).toBe(withAids.score);
          expect(r.compatible).toBe(withAids.compatible);
          expect(r.reasons).toEqual(withAids.reasons);
        }
        expect(withAids.hiringAids).toEqual(p.hiringAids);
        expect(changed.hiringAids).toEqual(other);
      }),
      { numRuns: 300 },
    );
  });

  it('the objectified requirements are the basis whenever present', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, (p, v) => {
        const result = assessMatch(p, v);
        expect(result.basis).toBe(v.objectified ? 'objectified' : 'published');
        // Changing the published requirements of an objectified offer changes nothing.
        if (v.objectified) {
          const other = assessMatch(p, {
            ...v,
            published: { ...v.published, drivingLicence: true, car: true },
          });
          expect(other.score).toBe(result.score);
          expect(other.compatible).toBe(result.compatible);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ranking puts compatible pairs first by score, then incompatible ones, keeping input order on ties', () => {
    fc.assert(
      fc.property(personArb, fc.array(vacancyArb, { maxLength: 12 }), (p, vacancies) => {
        const ranked = rankVacancies(p, vacancies);
        expect(ranked).toHaveLength(vacancies.length);
        expect(new Set(ranked.map((r) => r.vacancy))).toEqual(new Set(vacancies));
        for (let i = 1; i < ranked.length; i += 1) {
          const a = ranked[i - 1]!;
          const b = ranked[i]!;
          if (a.result.compatible === b.result.compatible) {
            expect(a.result.score).toBeGreaterThanOrEqual(b.result.score);
            if (a.result.score === b.result.score) {
              expect(vacancies.indexOf(a.vacancy)).toBeLessThan(vacancies.indexOf(b.vacancy));
            }
          } else expect(a.result.compatible).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('rankVacancies and rankPersons', () => {
  it('a ranked result is the pair’s own assessment (each side is worked out once per ranking)', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 4 }),
        fc.array(vacancyArb, { minLength: 1, maxLength: 6 }),
        (persons, vacancies) => {
          for (const p of persons) {
            for (const { vacancy: v, result } of rankVacancies(p, vacancies)) {
              expect(result).toEqual(assessMatch(p, v));
            }
          }
          // Offers prepared once, then ranked for several persons (a list held between requests):
          // the preparing carries nothing of one person over to the next.
          const prepared = vacancies.map(prepareVacancy);
          for (const p of persons) {
            expect(rankPreparedVacancies(p, prepared)).toEqual(rankVacancies(p, vacancies));
          }
          for (const v of vacancies) {
            for (const { person: p, result } of rankPersons(v, persons)) {
              expect(result).toEqual(assessMatch(p, v));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ranks a person’s vacancies and keeps their extra fields', () => {
    const vacancies = [
      { ...vacancy, id: 'interim', contract: { type: 'interim' as const } },
      { ...vacancy, id: 'licence', published: { ...published, drivingLicence: true } },
      { ...vacancy, id: 'cdi' },
      { ...vacancy, id: 'cdi-bis' },
    ];
    const ranked = rankVacancies({ ...person, drivingLicence: false }, vacancies);
    expect(ranked.map((r) => r.vacancy.id)).toEqual(['cdi', 'cdi-bis', 'interim', 'licence']);
    expect(ranked[3]?.result.compatible).toBe(false);
  });

  it('ranks persons for a vacancy, the single mother who cannot work nights last for a night job', () => {
    const nights: MatchingVacancy = { ...vacancy, schedule: ['night'] };
    const persons = [
      {
        ...person,
        id: 'mother',
        singleParent: true,
        childrenCount: 1,
        scheduleLimits: ['no_night' as const],
      },
      { ...person, id: 'far', commune: 'Arlon' },
      { ...person, id: 'near', wishedJobs: ['magasinier'] },
    ];
    expect(rankPersons(nights, persons).map((r) => r.person.id)).toEqual(['near', 'far', 'mother']);
  });
});

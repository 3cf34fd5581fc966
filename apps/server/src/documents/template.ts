/**
 * The trust contract (contrat de confiance, method.md §3): a per-organisation French template in
 * plain text. Placeholders {{prenom}}, {{nom}}, {{organisation}}, {{jobcoach}} and {{date}} are
 * filled for the person. A line starting with "# " is a heading; a blank line separates paragraphs.
 */
export const TEMPLATE_PLACEHOLDERS = ['prenom', 'nom', 'organisation', 'jobcoach', 'date'] as const;
export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const DEFAULT_TRUST_CONTRACT_TEMPLATE = `# Contrat de confiance

Entre {{prenom}} {{nom}}, ci-après « la personne »,
et {{jobcoach}}, jobcoach de {{organisation}}.

Le jobcoaching est un accompagnement individuel, intensif et de longue durée vers un emploi, avant, pendant et après l’embauche. La personne reste actrice de son parcours : c’est elle qui décide de poser sa candidature et d’accepter un emploi.

# Les engagements du jobcoach
- Rencontrer ou contacter la personne en moyenne une fois par semaine pendant la recherche d’emploi (pré-embauche), qui dure au plus 24 mois ; les périodes de travail sous contrat à durée déterminée (CDD) suspendent ce délai.
- Analyser avec elle sa situation, ses attentes, ses compétences (savoir-faire et savoir-être) et ses contraintes : mobilité, horaires, santé, langues.
- Rechercher des offres et des employeurs, préparer les rencontres, et ne pas pousser vers un emploi de qualité insuffisante (horaires, salaire, risque de perdre des droits).
- Accompagner la personne et l’employeur pendant l’embauche, puis pendant au plus 6 mois dans l’entreprise après la signature du contrat ; ce suivi peut rester discret si la personne le souhaite.
- L’orienter vers les services partenaires adaptés (médiation de dettes, garde d’enfants, santé, démarches administratives) quand c’est utile.
- Rester disponible après la fin de l’accompagnement.

# Les engagements de la personne
- Être disponible pour prendre un emploi à très court terme.
- Venir aux rendez-vous convenus ou prévenir en cas d’empêchement.
- Informer le jobcoach de tout changement de sa situation.
- Parler franchement de ses attentes et de ses difficultés.

# Liberté et confidentialité
La personne participe volontairement. Elle peut mettre fin au jobcoaching à tout moment, sans devoir se justifier.

Les informations confiées au jobcoach restent confidentielles. Elles ne sont transmises à un employeur ou à un partenaire qu’avec l’accord de la personne, et sont traitées selon le consentement qu’elle a donné.

Fait le {{date}}, en deux exemplaires.

Signature de la personne :                                    Signature du jobcoach :
`;

/** Placeholders the template uses that cannot be filled, in order of appearance. */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = TEMPLATE_PLACEHOLDERS;
  const found = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return [...new Set(found.filter((name) => !known.includes(name)))];
}

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as keyof TemplateValues] : whole,
  );
}

const LONG_FRENCH_DATE = new Intl.DateTimeFormat('fr-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2025-03-05" → "5 mars 2025", the way a letter is dated. */
export function longFrenchDate(date: string): string {
  return LONG_FRENCH_DATE.format(new Date(`${date}T00:00:00Z`));
}

/**
 * Fictitious persons for the demo installation: names, situations and trajectories spread over
 * every phase. Everything is deterministic (fixed lists and a seeded generator, no Math.random),
 * and every date is an offset from the day the demo is seeded, so that "overdue" and "deadline
 * within 60 days" make sense whenever the demo is started.
 */

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: string): () => number {
  let h = 1779033703;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WOMEN = [
  'Nathalie',
  'Sandrine',
  'Fatima',
  'Véronique',
  'Aurélie',
  'Samira',
  'Catherine',
  'Jessica',
  'Malika',
  'Sylvie',
  'Laetitia',
  'Nadia',
  'Isabelle',
  'Mélanie',
  'Khadija',
  'Séverine',
  'Ayşe',
  'Christelle',
];
export const MEN = [
  'Christophe',
  'Mohamed',
  'Olivier',
  'Frédéric',
  'Youssef',
  'Sébastien',
  'Giuseppe',
  'Thierry',
  'Kevin',
  'Mustafa',
  'Jean-Marc',
  'Rachid',
  'Grégory',
  'Patrick',
  'Didier',
  'Mehmet',
];
export const LAST_NAMES = [
  'Dubois',
  'Lambert',
  'Martin',
  'Renard',
  'Lejeune',
  'Collard',
  'Mathieu',
  'Denis',
  'Leroy',
  'Goffin',
  'Henrard',
  'Lemaire',
  'Benali',
  'El Amrani',
  'Yilmaz',
  'Rizzo',
  'Pirard',
  'Simon',
  'Wauters',
  'Dumont',
  'Gilson',
  'Bastin',
  'Kaya',
  'Mertens',
  'François',
  'Delvaux',
  'Hubert',
  'Charlier',
];
export const JOBS = [
  ['Nettoyage', 'Technicienne de surface'],
  ['Logistique', 'Magasinier'],
  ['Horeca', 'Aide-cuisinier'],
  ['Commerce', 'Réassortisseur'],
  ['Industrie', 'Ouvrier de production'],
  ['Aide aux personnes', 'Aide ménagère'],
  ['Espaces verts', 'Ouvrier jardinier'],
  ['Construction', 'Manœuvre'],
] as const;
export const EMPLOYERS = [
  'Boulangerie Dumont',
  'Titres-services Clair & Net',
  'Garage Lambert',
  'Supermarché du Centre',
  'Maison de repos Les Tilleuls',
  'Imprimerie Lecomte',
];
export const CONTACT_NOTES = [
  'Point sur les candidatures envoyées.',
  'Préparation de l’entretien d’embauche.',
  'Mise à jour du CV et lettre de motivation.',
  'Discussion sur les horaires compatibles avec la garde des enfants.',
  'Appel de suivi : la personne a rencontré un employeur.',
  'Accompagnement à un entretien chez un employeur.',
];

/** Offsets are days from the seeding day (negative = past). */
export type Step =
  | { id: 'enter_pre_hire'; at: number }
  | { id: 'start_hiring'; at: number }
  | { id: 'start_follow_up'; at: number; kind: 'cdd' | 'cdi'; endAt?: number }
  | { id: 'return_to_pre_hire'; at: number; reason: 'cdd_ended' | 'hiring_failed' | 'dismissal' }
  | { id: 'exit'; at: number; reason: 'consolidated_insertion' | 'left_voluntarily' };

export interface Scenario {
  key: string;
  receivedAt: number;
  assessment?: {
    at: number;
    decision: 'accepted' | 'postponed' | 'redirected';
    reviewAt?: number;
    reason?: string;
  };
  steps: Step[];
  /** Direct contacts with the person every `every` days from entry, the last one on `lastContactAt`. */
  contacts?: { every: number; lastAt: number; nextAt?: number };
  debtPlan?: boolean;
}

/** One scenario per situation a coach meets; each organisation gets a selection. */
export const SCENARIOS: Record<string, Scenario> = {
  intakeNew: { key: 'intakeNew', receivedAt: -4, steps: [] },
  postponed: {
    key: 'postponed',
    receivedAt: -45,
    assessment: {
      at: -35,
      decision: 'postponed',
      reviewAt: -1,
      reason: 'Termine une formation en français langue étrangère à la fin du mois.',
    },
    steps: [],
  },
  redirected: {
    key: 'redirected',
    receivedAt: -70,
    assessment: {
      at: -60,
      decision: 'redirected',
      reason: 'Surendettement à stabiliser avec le service de médiation avant une recherche d’emploi.',
    },
    steps: [],
    debtPlan: true,
  },
  waiting: { key: 'waiting', receivedAt: -25, assessment: { at: -15, decision: 'accepted' }, steps: [] },
  preHire: {
    key: 'preHire',
    receivedAt: -50,
    assessment: { at: -45, decision: 'accepted' },
    steps: [{ id: 'enter_pre_hire', at: -40 }],
    contacts: { every: 7, lastAt: -3, nextAt: 2 },
  },
  overdue: {
    key: 'overdue',
    receivedAt: -150,
    assessment: { at: -140, decision: 'accepted' },
    steps: [{ id: 'enter_pre_hire', at: -130 }],
    contacts: { every: 8, lastAt: -18 },
    debtPlan: true,
  },
  deadline: {
    key: 'deadline',
    receivedAt: -720,
    assessment: { at: -712, decision: 'accepted' },
    steps: [{ id: 'enter_pre_hire', at: -700 }],
    contacts: { every: 10, lastAt: -5, nextAt: 1 },
  },
  hiring: {
    key: 'hiring',
    receivedAt: -220,
    assessment: { at: -212, decision: 'accepted' },
    steps: [
      { id: 'enter_pre_hire', at: -200 },
      { id: 'start_hiring', at: -8 },
    ],
    contacts: { every: 7, lastAt: -2, nextAt: 3 },
  },
  followUpCdi: {
    key: 'followUpCdi',
    receivedAt: -320,
    assessment: { at: -310, decision: 'accepted' },
    steps: [
      { id: 'enter_pre_hire', at: -300 },
      { id: 'start_hiring', at: -70 },
      { id: 'start_follow_up', at: -60, kind: 'cdi' },
    ],
    contacts: { every: 12, lastAt: -9 },
  },
  followUpCdd: {
    key: 'followUpCdd',
    receivedAt: -260,
    assessment: { at: -250, decision: 'accepted' },
    steps: [
      { id: 'enter_pre_hire', at: -240 },
      { id: 'start_hiring', at: -40 },
      { id: 'start_follow_up', at: -30, kind: 'cdd', endAt: 150 },
    ],
    contacts: { every: 7, lastAt: -12 },
  },
  returned: {
    key: 'returned',
    receivedAt: -400,
    assessment: { at: -392, decision: 'accepted' },
    steps: [
      { id: 'enter_pre_hire', at: -380 },
      { id: 'start_hiring', at: -200 },
      { id: 'start_follow_up', at: -190, kind: 'cdd', endAt: -21 },
      { id: 'return_to_pre_hire', at: -20, reason: 'cdd_ended' },
    ],
    contacts: { every: 14, lastAt: -5 },
  },
  exitedInserted: {
    key: 'exitedInserted',
    receivedAt: -520,
    assessment: { at: -510, decision: 'accepted' },
    steps: [
      { id: 'enter_pre_hire', at: -500 },
      { id: 'start_hiring', at: -240 },
      { id: 'start_follow_up', at: -230, kind: 'cdi' },
      { id: 'exit', at: -45, reason: 'consolidated_insertion' },
    ],
    contacts: { every: 21, lastAt: -45 },
  },
  exitedLeft: {
    key: 'exitedLeft',
    receivedAt: -260,
    assessment: { at: -250, decision: 'accepted' },
    steps: [
      { id: 'enter_pre_hire', at: -240 },
      { id: 'exit', at: -100, reason: 'left_voluntarily' },
    ],
    contacts: { every: 14, lastAt: -110 },
  },
};

/** Every phase at least once: intake (new, postponed, redirected, accepted), active, exited. */
export const STANDARD_MIX = Object.keys(SCENARIOS);

/** FORMA's coach (0.5 FTE) holds more active persons than her capacity of 10: the warning shows. */
export const OVER_CAPACITY_MIX = [
  'intakeNew',
  'postponed',
  'waiting',
  'preHire',
  'preHire',
  'preHire',
  'overdue',
  'overdue',
  'deadline',
  'hiring',
  'followUpCdi',
  'followUpCdd',
  'returned',
  'returned',
  'exitedLeft',
];

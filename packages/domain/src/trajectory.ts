import { compareDates, type IsoDate, isIsoDate } from './calendar.ts';
import type { CoachabilityDecision } from './coachability.ts';
import type { MembershipRole } from './organisation.ts';

/**
 * The coaching trajectory (parcours) as a state machine declared as data (method.md §4):
 * intake → pre_hire → hiring → follow_up → exited, with returns to pre-hire when hiring fails, when
 * follow-up fails, after a dismissal or at the end of a CDD, and an exit with a reason from any phase
 * that is not already exited. The web app asks the same table which buttons to show.
 */
export const PHASES = ['intake', 'pre_hire', 'hiring', 'follow_up', 'exited'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  intake: 'Accueil',
  pre_hire: 'Pré-embauche',
  hiring: 'Embauche',
  follow_up: 'Suivi en entreprise',
  exited: 'Sortie',
};

/** Phases in which a person counts in a coach's caseload (persons coached simultaneously). */
export const ACTIVE_PHASES: readonly Phase[] = ['pre_hire', 'hiring', 'follow_up'];

export function isActivePhase(phase: Phase): boolean {
  return ACTIVE_PHASES.includes(phase);
}

export const EXIT_REASONS = [
  'consolidated_insertion',
  'left_voluntarily',
  'time_limit_reached',
  'redirected',
  'moved_away',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  consolidated_insertion: 'Insertion consolidée',
  left_voluntarily: 'Départ volontaire de la personne',
  time_limit_reached: 'Durée maximale atteinte',
  redirected: 'Réorientation vers un autre service',
  moved_away: 'Déménagement',
  other: 'Autre motif',
};

/** Reasons for going back to pre-hire, and the phase each one may come from. */
export const RETURN_REASONS = [
  'hiring_failed',
  'follow_up_failed',
  'dismissal',
  'cdd_ended',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  hiring_failed: 'Échec de l’embauche',
  follow_up_failed: 'Échec pendant le suivi en entreprise',
  dismissal: 'Licenciement',
  cdd_ended: 'Fin du CDD',
  other: 'Autre motif',
};

export const RETURN_REASON_PHASES: Record<ReturnReason, readonly Phase[]> = {
  hiring_failed: ['hiring'],
  follow_up_failed: ['follow_up'],
  dismissal: ['follow_up'],
  cdd_ended: ['follow_up'],
  other: ['hiring', 'follow_up'],
};

/** Exit reasons restricted to some phases: an insertion is consolidated only after follow-up. */
export const EXIT_REASON_PHASES: Partial<Record<ExitReason, readonly Phase[]>> = {
  consolidated_insertion: ['follow_up'],
};

export const CONTRACT_KINDS = ['cdd', 'cdi', 'other'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_KIND_LABELS: Record<ContractKind, string> = {
  cdd: 'CDD (contrat à durée déterminée)',
  cdi: 'CDI (contrat à durée indéterminée)',
  other: 'Autre contrat',
};

/** The roles that move a trajectory. An evaluator only reads. */
export type TransitionRole = Extract<MembershipRole, 'coordinator' | 'jobcoach'>;

export const TRANSITION_IDS = [
  'enter_pre_hire',
  'start_hiring',
  'start_follow_up',
  'return_to_pre_hire',
  'exit',
] as const;
export type TransitionId = (typeof TRANSITION_IDS)[number];

/**
 * Conditions on the person's facts that a move needs besides the phase and the role:
 * - coachable: only a person whom a coachability assessment accepted enters pre-hire (method.md §3);
 *   a person who already entered it once (an imported history) was accepted then;
 * - no_open_contract: a return to pre-hire by hand is refused while a contract still runs on that
 *   day; its end is recorded on the contract, which makes the return itself (contracts.ts);
 * - by_contract: the follow-up starts from the signed contract, on its first day (contracts.ts
 *   signingEffect), never by a move that would ask again for what the contract says.
 */
export const TRANSITION_GUARDS = ['coachable', 'no_open_contract', 'by_contract'] as const;
export type TransitionGuard = (typeof TRANSITION_GUARDS)[number];

/** What the guards read about the person, on the day of the move (today, when offering moves). */
export interface TrajectoryFacts {
  /** The decision of the latest coachability assessment; null when none was recorded. */
  assessmentDecision: CoachabilityDecision | null;
  /** The first day in pre-hire, or null when the person never entered it. */
  preHireEntry: IsoDate | null;
  /** The employment contracts still running that day (started, no end recorded), by their names. */
  openContracts: readonly string[];
  /** The move is made by a contract (its signature or its first day), not by hand. */
  byContract?: boolean;
}

export const GUARD_RULES: Record<
  TransitionGuard,
  { holds: (facts: TrajectoryFacts) => boolean; code: string; message: (facts: TrajectoryFacts) => string }
> = {
  coachable: {
    holds: (f) => f.preHireEntry !== null || f.assessmentDecision === 'accepted',
    code: 'not_coachable',
    message: () =>
      "La personne ne peut entrer en pré-embauche qu'après une évaluation de coachabilité qui l'accepte.",
  },
  by_contract: {
    holds: (f) => f.byContract === true,
    code: 'by_contract',
    message: () =>
      'Le suivi en entreprise démarre avec le contrat : enregistrez le contrat signé ; le suivi commence le jour de son début.',
  },
  no_open_contract: {
    holds: (f) => f.openContracts.length === 0,
    code: 'open_contract',
    message: (f) =>
      `Un contrat est encore en cours (${f.openContracts.join(', ')}) : enregistrez d’abord sa fin (date et motif) sur le contrat, ce qui ramène la personne en pré-embauche.`,
  },
};

/**
 * What a move does besides changing the phase, for the server to carry out:
 * - trust_contract: records the signed trust contract (a document) and starts the clocks;
 * - employment_period: a follow-up opened by hand records its employment period (a follow-up
 *   opened by a contract is backed by that contract instead);
 * - close_employment_periods: a hand-entered period still open ends the day before a return;
 * - end_letter: a consolidated insertion closes with the end-of-coaching letter (method.md §4).
 */
export const TRANSITION_EFFECTS = [
  'trust_contract',
  'employment_period',
  'close_employment_periods',
  'end_letter',
] as const;
export type TransitionEffect = (typeof TRANSITION_EFFECTS)[number];

export interface Transition {
  id: TransitionId;
  from: readonly Phase[];
  to: Phase;
  roles: readonly TransitionRole[];
  /** Fields the move must carry (names as in `TRANSITION_FIELD_LABELS`). */
  requiredFields: readonly TransitionField[];
  /** Fields the move may carry besides. */
  optionalFields: readonly TransitionField[];
  guards: readonly TransitionGuard[];
  effects: readonly TransitionEffect[];
  label: string;
}

const BOTH: readonly TransitionRole[] = ['coordinator', 'jobcoach'];

export const TRANSITIONS: readonly Transition[] = [
  {
    id: 'enter_pre_hire',
    from: ['intake'],
    to: 'pre_hire',
    roles: BOTH,
    requiredFields: ['date', 'trustContractSignedOn'],
    optionalFields: [],
    guards: ['coachable'],
    effects: ['trust_contract'],
    label: 'Entrée en pré-embauche (contrat de confiance signé)',
  },
  {
    id: 'start_hiring',
    from: ['pre_hire'],
    to: 'hiring',
    roles: BOTH,
    requiredFields: ['date', 'employerId'],
    optionalFields: [],
    guards: [],
    effects: [],
    label: 'Passage à l’embauche (appariement confirmé avec un employeur)',
  },
  {
    id: 'start_follow_up',
    from: ['hiring'],
    to: 'follow_up',
    roles: BOTH,
    requiredFields: ['date', 'contractKind', 'contractStart'],
    optionalFields: ['contractEnd'],
    guards: ['by_contract'],
    effects: ['employment_period'],
    label: 'Début du suivi en entreprise (contrat signé)',
  },
  {
    id: 'return_to_pre_hire',
    from: ['hiring', 'follow_up'],
    to: 'pre_hire',
    roles: BOTH,
    requiredFields: ['date', 'returnReason'],
    optionalFields: ['reasonDetail'],
    guards: ['no_open_contract'],
    effects: ['close_employment_periods'],
    label: 'Retour en pré-embauche',
  },
  {
    id: 'exit',
    from: ['intake', 'pre_hire', 'hiring', 'follow_up'],
    to: 'exited',
    roles: BOTH,
    requiredFields: ['date', 'exitReason'],
    optionalFields: ['reasonDetail'],
    guards: [],
    effects: ['end_letter'],
    label: 'Sortie du jobcoaching',
  },
];

export const TRANSITION_FIELDS = [
  'date',
  'trustContractSignedOn',
  'employerId',
  'contractKind',
  'contractStart',
  'contractEnd',
  'returnReason',
  'exitReason',
  'reasonDetail',
] as const;
export type TransitionField = (typeof TRANSITION_FIELDS)[number];

/** French names of the transition fields, for messages and form labels. */
export const TRANSITION_FIELD_LABELS: Record<TransitionField, string> = {
  date: 'date du changement de phase',
  trustContractSignedOn: 'date de signature du contrat de confiance',
  employerId: 'employeur',
  contractKind: 'type de contrat',
  contractStart: 'date de début du contrat',
  contractEnd: 'date de fin du contrat',
  returnReason: 'motif du retour en pré-embauche',
  exitReason: 'motif de sortie',
  reasonDetail: 'précision du motif',
};

/** The fields each move carries, once checked: one typed input per transition. */
export interface TransitionFieldsOf {
  enter_pre_hire: { date: IsoDate; trustContractSignedOn: IsoDate };
  start_hiring: { date: IsoDate; employerId: string };
  start_follow_up: {
    date: IsoDate;
    contractKind: ContractKind;
    contractStart: IsoDate;
    contractEnd?: IsoDate | null;
  };
  return_to_pre_hire: { date: IsoDate; returnReason: ReturnReason; reasonDetail?: string | null };
  exit: { date: IsoDate; exitReason: ExitReason; reasonDetail?: string | null };
}

/** A move with its fields, discriminated by `transitionId`. */
export type TransitionInput = {
  [K in TransitionId]: { transitionId: K; fields: TransitionFieldsOf[K] };
}[TransitionId];

const DATE_FIELDS: readonly TransitionField[] = [
  'date',
  'trustContractSignedOn',
  'contractStart',
  'contractEnd',
];

/**
 * The effects a checked move has: its transition's, where they apply to this input (the end letter
 * only for a consolidated insertion; the employment period only for a follow-up opened by hand,
 * a contract being its own record).
 */
export function effectsOf(input: TransitionInput, opts: { byContract: boolean }): TransitionEffect[] {
  const transition = findTransition(input.transitionId)!;
  return transition.effects.filter((effect) => {
    if (effect === 'employment_period') return !opts.byContract;
    if (effect === 'end_letter') {
      return input.transitionId === 'exit' && input.fields.exitReason === 'consolidated_insertion';
    }
    return true;
  });
}

export function findTransition(id: string): Transition | undefined {
  return TRANSITIONS.find((t) => t.id === id);
}

/** The moves the table gives a role from a phase, before the guards (none for an evaluator). */
function tableMoves(phase: Phase, role: MembershipRole): Transition[] {
  return TRANSITIONS.filter(
    (t) => t.from.includes(phase) && (t.roles as readonly MembershipRole[]).includes(role),
  );
}

/** The first guard of the move that the facts do not meet, or null. */
export function failedGuard(transition: Transition, facts: TrajectoryFacts): TransitionGuard | null {
  return transition.guards.find((g) => !GUARD_RULES[g].holds(facts)) ?? null;
}

/**
 * The moves a role may make from a phase, given the person's facts: exactly those that
 * `checkTransition` would accept with valid fields, so nobody is offered a move that is then
 * refused. Without facts, the table's moves before the guards.
 */
export function allowedTransitions(
  phase: Phase,
  role: MembershipRole,
  facts?: TrajectoryFacts,
): Transition[] {
  const moves = tableMoves(phase, role);
  return facts ? moves.filter((t) => failedGuard(t, facts) === null) : moves;
}

/**
 * The moves the table gives the role from this phase that a guard holds back, with that guard: the
 * screen says why a move is not offered (« after an assessment that accepts the person »).
 */
export function blockedTransitions(
  phase: Phase,
  role: MembershipRole,
  facts: TrajectoryFacts,
): { transition: Transition; guard: TransitionGuard }[] {
  return tableMoves(phase, role).flatMap((transition) => {
    const guard = failedGuard(transition, facts);
    return guard ? [{ transition, guard }] : [];
  });
}

export interface TransitionRequest {
  from: Phase;
  transitionId: string;
  role: MembershipRole;
  fields: Readonly<Record<string, unknown>>;
  /** The person's facts on the move's date; the guards are checked when given. */
  facts?: TrajectoryFacts;
  /** When given, the move's date may not be later than today. */
  today?: IsoDate;
  /** When given, the move's date may not be earlier than the start of the current phase. */
  phaseStart?: IsoDate;
}

export type TransitionCheck =
  | { ok: true; transition: Transition; to: Phase; input: TransitionInput }
  | { ok: false; code: 'not_allowed'; allowed: TransitionId[]; message: string }
  | { ok: false; code: 'guard'; guard: TransitionGuard; message: string }
  | { ok: false; code: 'missing_field'; field: string; message: string }
  | { ok: false; code: 'invalid_field'; field: string; message: string };

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

function fieldLabel(field: string): string {
  return TRANSITION_FIELD_LABELS[field as TransitionField] ?? field;
}

function missing(field: string): TransitionCheck {
  return {
    ok: false,
    code: 'missing_field',
    field,
    message: `Le champ « ${fieldLabel(field)} » est obligatoire.`,
  };
}

function invalid(field: string, message: string): TransitionCheck {
  return { ok: false, code: 'invalid_field', field, message };
}

/**
 * Checks a requested move before it is recorded: the role may make it from this phase, the
 * person's facts meet its guards, every required field is present, dates are real days, reasons
 * are known and fit the phase left. Extra rules beyond the table: contractKind is cdd, cdi or
 * other; an optional contractEnd may not precede contractStart; a reason "other" (return or exit)
 * needs a reasonDetail. On success, the move's typed input (only the fields it carries).
 */
export function checkTransition(request: TransitionRequest): TransitionCheck {
  const { from, transitionId, role, fields } = request;
  const transition = tableMoves(from, role).find((t) => t.id === transitionId);
  if (!transition) {
    // The moves named are the ones offered: the table's, filtered by the guards when facts are known.
    const allowed = allowedTransitions(from, role, request.facts);
    const names = allowed.map((t) => `« ${t.label} »`).join(', ');
    return {
      ok: false,
      code: 'not_allowed',
      allowed: allowed.map((t) => t.id),
      message:
        allowed.length === 0
          ? `Aucun changement de phase n’est possible depuis la phase « ${PHASE_LABELS[from]} » pour ce rôle.`
          : `Ce changement n’est pas possible depuis la phase « ${PHASE_LABELS[from]} ». Changements possibles : ${names}.`,
    };
  }
  if (request.facts) {
    const guard = failedGuard(transition, request.facts);
    if (guard) return { ok: false, code: 'guard', guard, message: GUARD_RULES[guard].message(request.facts) };
  }
  for (const field of transition.requiredFields) {
    if (!isPresent(fields[field])) return missing(field);
  }
  for (const field of DATE_FIELDS) {
    const value = fields[field];
    if (isPresent(value) && !isIsoDate(value)) {
      return invalid(field, `Le champ « ${fieldLabel(field)} » doit être une date valide (AAAA-MM-JJ).`);
    }
  }
  const date = fields.date as IsoDate;
  if (request.today !== undefined && compareDates(date, request.today) > 0) {
    return invalid('date', 'La date du changement de phase ne peut pas être dans le futur.');
  }
  if (request.phaseStart !== undefined && compareDates(date, request.phaseStart) < 0) {
    return invalid(
      'date',
      'La date du changement de phase ne peut pas précéder le début de la phase en cours.',
    );
  }
  const problem = checkSpecificFields(transition, from, fields);
  if (problem) return problem;
  // Only the fields the move carries, present ones, as strings.
  const carried = Object.fromEntries(
    [...transition.requiredFields, ...transition.optionalFields]
      .filter((f) => isPresent(fields[f]))
      .map((f) => [f, String(fields[f]).trim()]),
  );
  const input = { transitionId: transition.id, fields: carried } as TransitionInput;
  return { ok: true, transition, to: transition.to, input };
}

function checkSpecificFields(
  transition: Transition,
  from: Phase,
  fields: Readonly<Record<string, unknown>>,
): TransitionCheck | null {
  switch (transition.id) {
    case 'start_follow_up': {
      const kind = fields.contractKind;
      if (!(CONTRACT_KINDS as readonly unknown[]).includes(kind)) {
        return invalid('contractKind', 'Le type de contrat doit être : CDD, CDI ou autre.');
      }
      if (
        isPresent(fields.contractEnd) &&
        compareDates(fields.contractEnd as IsoDate, fields.contractStart as IsoDate) < 0
      ) {
        return invalid('contractEnd', 'La date de fin du contrat ne peut pas précéder sa date de début.');
      }
      return null;
    }
    case 'return_to_pre_hire': {
      const reason = fields.returnReason;
      if (!(RETURN_REASONS as readonly unknown[]).includes(reason)) {
        return invalid('returnReason', 'Le motif du retour en pré-embauche n’est pas reconnu.');
      }
      if (!RETURN_REASON_PHASES[reason as ReturnReason].includes(from)) {
        return invalid(
          'returnReason',
          `Le motif « ${RETURN_REASON_LABELS[reason as ReturnReason]} » ne s’applique pas depuis la phase « ${PHASE_LABELS[from]} ».`,
        );
      }
      return reason === 'other' && !isPresent(fields.reasonDetail) ? missing('reasonDetail') : null;
    }
    case 'exit': {
      const reason = fields.exitReason;
      if (!(EXIT_REASONS as readonly unknown[]).includes(reason)) {
        return invalid('exitReason', 'Le motif de sortie n’est pas reconnu.');
      }
      const phases = EXIT_REASON_PHASES[reason as ExitReason];
      if (phases && !phases.includes(from)) {
        return invalid(
          'exitReason',
          `Le motif « ${EXIT_REASON_LABELS[reason as ExitReason]} » ne s’applique pas depuis la phase « ${PHASE_LABELS[from]} ».`,
        );
      }
      return reason === 'other' && !isPresent(fields.reasonDetail) ? missing('reasonDetail') : null;
    }
    default:
      return null;
  }
}

/** One stay in a phase; `to` is null while the trajectory is still in it. */
export interface PhasePeriod {
  phase: Phase;
  from: IsoDate;
  to: IsoDate | null;
}

/** The first day in pre-hire (the start of the 24- and 30-month clocks), or null if never entered. */
export function preHireEntry(history: readonly PhasePeriod[]): IsoDate | null {
  return history
    .filter((p) => p.phase === 'pre_hire')
    .map((p) => p.from)
    .reduce<IsoDate | null>((first, d) => (first === null || compareDates(d, first) < 0 ? d : first), null);
}

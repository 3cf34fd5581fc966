/**
 * The presentation workflow per (person, vacancy), as data (method.md §4 "bringing them together",
 * §6): proposed → discussed with the person → the person applies or declines → introduced to the
 * employer (by phone, at an accompanied interview, or by CV) → interview → hired or refused by the
 * employer; withdrawn at any open step. The web app asks the same table which buttons to show.
 */
export const PRESENTATION_STEPS = [
  'proposed',
  'discussed',
  'applied',
  'declined',
  'introduced',
  'interview',
  'hired',
  'refused',
  'withdrawn',
] as const;
export type PresentationStep = (typeof PRESENTATION_STEPS)[number];

/** How the person was introduced to the employer. */
export const INTRODUCTION_CHANNELS = ['phone', 'accompanied_interview', 'cv'] as const;
export type IntroductionChannel = (typeof INTRODUCTION_CHANNELS)[number];

export const PRESENTATION_STEP_LABELS: Record<PresentationStep, string> = {
  proposed: 'Proposée',
  discussed: 'Discutée avec la personne',
  applied: 'La personne postule',
  declined: 'La personne décline',
  introduced: 'Présentée à l’employeur',
  interview: 'Entretien d’embauche',
  hired: 'Engagée',
  refused: 'Refusée par l’employeur',
  withdrawn: 'Retirée',
};

export const INTRODUCTION_CHANNEL_LABELS: Record<IntroductionChannel, string> = {
  phone: 'par téléphone',
  accompanied_interview: 'lors d’un entretien accompagné',
  cv: 'par CV',
};

/** Where each step may lead. Closed steps lead nowhere. */
export const NEXT_STEPS: Record<PresentationStep, readonly PresentationStep[]> = {
  proposed: ['discussed', 'withdrawn'],
  discussed: ['applied', 'declined', 'withdrawn'],
  applied: ['introduced', 'withdrawn'],
  introduced: ['interview', 'hired', 'refused', 'withdrawn'],
  interview: ['hired', 'refused', 'withdrawn'],
  declined: [],
  hired: [],
  refused: [],
  withdrawn: [],
};

/** Steps that close a presentation (it no longer counts against the organisation's cap). */
export const CLOSED_STEPS: readonly PresentationStep[] = ['declined', 'hired', 'refused', 'withdrawn'];

/** Steps that need a reason: why the person declined, why the employer refused. */
export const STEPS_WITH_REASON: readonly PresentationStep[] = ['declined', 'refused'];

/**
 * How many candidates an organisation presents at once for one vacancy when it saved no policy
 * (method.md §6: one at a time in Verviers, about three in Fleurus).
 */
export const DEFAULT_PRESENTATION_CAP = 3;

export function allowedSteps(from: PresentationStep): PresentationStep[] {
  return [...NEXT_STEPS[from]];
}

export type StepCheck =
  | { ok: true }
  | { ok: false; code: 'not_allowed'; allowed: PresentationStep[]; message: string }
  | { ok: false; code: 'invalid'; field: 'reason' | 'channel'; message: string };

/** Checks a requested step: allowed from the current one, with a reason or channel where needed. */
export function checkStep(
  from: PresentationStep,
  to: PresentationStep,
  input: { reason?: string | null; channel?: string | null },
): StepCheck {
  const allowed = allowedSteps(from);
  if (!allowed.includes(to)) {
    const names = allowed.map((s) => `« ${PRESENTATION_STEP_LABELS[s]} »`).join(', ');
    return {
      ok: false,
      code: 'not_allowed',
      allowed,
      message:
        allowed.length === 0
          ? `Cette candidature est close (« ${PRESENTATION_STEP_LABELS[from]} ») : plus aucune étape n’est possible.`
          : `L’étape « ${PRESENTATION_STEP_LABELS[to]} » n’est pas possible après « ${PRESENTATION_STEP_LABELS[from]} ». Étapes possibles : ${names}.`,
    };
  }
  if (STEPS_WITH_REASON.includes(to) && !input.reason) {
    return {
      ok: false,
      code: 'invalid',
      field: 'reason',
      message: `« motif » : ce champ est obligatoire pour l’étape « ${PRESENTATION_STEP_LABELS[to]} ».`,
    };
  }
  if (to === 'introduced' && !input.channel) {
    return {
      ok: false,
      code: 'invalid',
      field: 'channel',
      message:
        '« canal » : précisez comment la personne est présentée à l’employeur (phone, accompanied_interview ou cv).',
    };
  }
  if (to !== 'introduced' && input.channel) {
    return {
      ok: false,
      code: 'invalid',
      field: 'channel',
      message: '« canal » : se précise seulement pour la présentation à l’employeur.',
    };
  }
  return { ok: true };
}

export type StepCancellation = { ok: true; step: PresentationStep } | { ok: false; message: string };

/**
 * Cancelling the last step of a presentation entered by mistake: only the latest step not
 * cancelled, never the proposal itself (the presentation is withdrawn instead) nor « Embauché·e »
 * (the hire moved the trajectory and may have filled the offer: the contract and the move are
 * corrected instead). The presentation goes back to the step before.
 */
export function cancelLastStep(
  steps: readonly { id: string; step: PresentationStep }[],
  stepId: string,
): StepCancellation {
  const last = steps.at(-1);
  if (!last || last.id !== stepId) {
    return { ok: false, message: 'Seule la dernière étape d’une candidature s’annule.' };
  }
  const before = steps.at(-2);
  if (!before) {
    return {
      ok: false,
      message: 'La proposition elle-même ne s’annule pas : retirez la candidature (« Retirée »).',
    };
  }
  if (last.step === 'hired') {
    return {
      ok: false,
      message:
        'L’embauche a fait passer la personne en phase d’embauche : corrigez le contrat ou annulez ce changement de phase.',
    };
  }
  return { ok: true, step: before.step };
}

import type { IntroductionChannel, PresentationStep } from '@jobcoach/contract';

// The presentation workflow's codes. Which step may follow which is the server's: each
// presentation carries its `allowedSteps`. These only say what the step dialog asks.

export const INTRODUCTION_CHANNELS: readonly IntroductionChannel[] = ['phone', 'accompanied_interview', 'cv'];

/** The dialog asks why the person declined, why the employer refused. */
export const STEPS_ASKING_REASON: readonly PresentationStep[] = ['declined', 'refused'];

/** The dialog asks how the person was introduced to the employer. */
export const STEPS_ASKING_CHANNEL: readonly PresentationStep[] = ['introduced'];

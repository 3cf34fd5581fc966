import type { TransitionOption } from '@jobcoach/contract';
import { TRANSITION_IDS, type TransitionId } from '@jobcoach/domain';
import { useT } from '../../i18n/index.ts';

/** The catalog's name of a move; the server's French label for a move the catalog does not know. */
export function useTransitionLabel() {
  const t = useT();
  return (option: TransitionOption) => {
    const id = TRANSITION_IDS.find((known) => known === option.id) as TransitionId | undefined;
    return id ? t(`transition.${id}`) : option.label;
  };
}

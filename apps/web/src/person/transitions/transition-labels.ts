import type { TransitionId } from '@jobcoach/domain';
import { useT } from '../../i18n/index.ts';

/** The catalog's name of a move (the server's ids are the domain's TransitionId). */
export function useTransitionLabel() {
  const t = useT();
  return (option: { id: TransitionId }) => t(`transition.${option.id}`);
}

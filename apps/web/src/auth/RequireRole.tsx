import type { Me } from '@jobcoach/contract';
import type { ReactNode } from 'react';
import { Forbidden, type ForbiddenReason } from '../shell/Notice.tsx';
import { useSession } from './session.ts';

/** A page for some users only; the others read why they cannot see it. */
export function RequireRole({
  allowed,
  reason,
  children,
}: {
  allowed: (me: Me) => boolean;
  reason: ForbiddenReason;
  children: ReactNode;
}) {
  const me = useSession();
  return allowed(me) ? children : <Forbidden reason={reason} />;
}

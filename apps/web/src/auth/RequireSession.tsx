import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { Loading } from '../shell/Loading.tsx';
import { PublicLayout } from '../shell/PublicLayout.tsx';
import { allPutOff } from './later.ts';
import { SessionContext, useMe } from './session.ts';

/**
 * Routes behind it need a session; a password still temporary must be changed first, then a second
 * factor required by the current organisation must be enrolled (on « Sécurité du compte »), then
 * the invitations to join an organisation answered (or put off).
 */
export function RequireSession() {
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();

  if (isPending) return <Loading />;
  if (error) {
    return (
      <PublicLayout>
        <ErrorAlert error={error} onRetry={() => refetch()} />
      </PublicLayout>
    );
  }
  if (!me) {
    const from = location.pathname === '/' ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  // Each redirect is keyed by the location: when a page navigates on its own while a redirect is
  // pending (the password page goes home after the change, while the invitation page is still
  // loading), the redirect is made again from the new location instead of staying on a blank page.
  if (me.user.mustChangePassword && location.pathname !== '/password') {
    return <Navigate key={location.key} to="/password" replace />;
  }
  if (!me.user.mustChangePassword && me.user.mustEnrolTotp && location.pathname !== '/account') {
    return <Navigate key={location.key} to="/account" replace />;
  }
  // An organisation's invitation waits for an answer: the confirmation comes first, unless the user
  // put it off (until the next login).
  if (
    !me.user.mustChangePassword &&
    !me.user.mustEnrolTotp &&
    me.invitations.length > 0 &&
    !allPutOff(me.invitations.map((i) => i.id)) &&
    location.pathname !== '/invitations'
  ) {
    return <Navigate key={location.key} to="/invitations" replace />;
  }
  return (
    <SessionContext value={me}>
      <Outlet />
    </SessionContext>
  );
}

import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { Loading } from '../shell/Loading.tsx';
import { PublicLayout } from '../shell/PublicLayout.tsx';
import { useSetupStatus } from './setup-api.ts';

/** Until the first organisation exists, every address leads to the setup page, and only then. */
export function SetupGate() {
  const { pathname, search } = useLocation();
  const status = useSetupStatus();

  if (status.isPending) return <Loading />;
  if (status.error) {
    return (
      <PublicLayout>
        <ErrorAlert error={status.error} onRetry={() => status.refetch()} />
      </PublicLayout>
    );
  }
  const onSetup = pathname === '/setup';
  if (status.data.needed && !onSetup) return <Navigate to={{ pathname: '/setup', search }} replace />;
  if (!status.data.needed && onSetup) return <Navigate to="/" replace />;
  return <Outlet />;
}

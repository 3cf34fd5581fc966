import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, onSessionLost } from './api.ts';
import { meKey } from './auth/session.ts';
import { LocaleProvider } from './i18n/index.ts';
import { wipeOffline } from './offline/vault.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network hiccup or a 5xx may.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

// A protected call answered 401: the session is gone, the guard sends the person to /login.
// 403 password_change_required: reload the session, the guard sends the person to /password.
onSessionLost((error) => {
  if (error.status === 401) {
    // The session expired: the day's files and waiting contacts kept on the device go with it.
    void wipeOffline();
    queryClient.setQueryData(meKey, null);
  } else queryClient.invalidateQueries({ queryKey: meKey });
});

export function App() {
  return (
    <LocaleProvider>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </LocaleProvider>
  );
}

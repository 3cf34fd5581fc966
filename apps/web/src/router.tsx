import { createBrowserRouter } from 'react-router';
import { AbsencesPage } from './absences/AbsencesPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { PasswordPage } from './auth/PasswordPage.tsx';
import { canManageSettings, canManageTeam, canSeePersons, isAdmin } from './auth/permissions.ts';
import { RequireRole } from './auth/RequireRole.tsx';
import { RequireSession } from './auth/RequireSession.tsx';
import { HomePage } from './home/HomePage.tsx';
import { PeoplePage } from './people/PeoplePage.tsx';
import { PersonPage } from './person/PersonPage.tsx';
import { NewReferralPage } from './referral/NewReferralPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { SetupGate } from './setup/SetupGate.tsx';
import { SetupPage } from './setup/SetupPage.tsx';
import { ComingSoon } from './shell/ComingSoon.tsx';
import { NotFound } from './shell/Notice.tsx';
import { RouteError } from './shell/RouteError.tsx';
import { Shell } from './shell/Shell.tsx';
import { TeamPage } from './team/TeamPage.tsx';

// SetupGate → (setup | login | RequireSession → Shell → pages). See README.md for the flow.
export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <Shell />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
              { path: '/password', element: <PasswordPage /> },
              {
                path: '/people',
                element: (
                  <RequireRole allowed={canSeePersons} reason="persons">
                    <PeoplePage />
                  </RequireRole>
                ),
              },
              {
                path: '/people/new',
                element: (
                  <RequireRole allowed={canSeePersons} reason="persons">
                    <NewReferralPage />
                  </RequireRole>
                ),
              },
              {
                path: '/people/:id',
                element: (
                  <RequireRole allowed={canSeePersons} reason="persons">
                    <PersonPage />
                  </RequireRole>
                ),
              },
              {
                path: '/absences',
                element: (
                  <RequireRole allowed={canSeePersons} reason="persons">
                    <AbsencesPage />
                  </RequireRole>
                ),
              },
              {
                path: '/settings',
                element: (
                  <RequireRole allowed={canManageSettings} reason="settings">
                    <SettingsPage />
                  </RequireRole>
                ),
              },
              { path: '/employers', element: <ComingSoon page="employers" /> },
              { path: '/offers', element: <ComingSoon page="offers" /> },
              { path: '/results', element: <ComingSoon page="results" /> },
              {
                path: '/team',
                element: (
                  <RequireRole allowed={canManageTeam} reason="team">
                    <TeamPage />
                  </RequireRole>
                ),
              },
              {
                path: '/admin',
                element: (
                  <RequireRole allowed={isAdmin} reason="admin">
                    <AdminPage />
                  </RequireRole>
                ),
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);

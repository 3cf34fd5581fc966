import { createBrowserRouter, Navigate } from 'react-router';
import { AbsencesPage } from './absences/AbsencesPage.tsx';
import { AccountPage } from './account/AccountPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { PasswordPage } from './auth/PasswordPage.tsx';
import {
  canManageSettings,
  canManageTeam,
  canSeePersons,
  isAdmin,
  isCoordinator,
} from './auth/permissions.ts';
import { RequireRole } from './auth/RequireRole.tsx';
import { RequireSession } from './auth/RequireSession.tsx';
import { EmployerPage } from './employers/EmployerPage.tsx';
import { EmployersPage } from './employers/EmployersPage.tsx';
import { NewEmployerPage } from './employers/NewEmployerPage.tsx';
import { RequireCoach } from './employers/RequireCoach.tsx';
import { HistoryImportPage } from './history/HistoryImportPage.tsx';
import { ImportPage } from './imports/ImportPage.tsx';
import { PeoplePage } from './people/PeoplePage.tsx';
import { PersonPage } from './person/PersonPage.tsx';
import { NewReferralPage } from './referral/NewReferralPage.tsx';
import { ReportsPage } from './reports/ReportsPage.tsx';
import { Landing, RequireReports } from './reports/RequireReports.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { SetupGate } from './setup/SetupGate.tsx';
import { SetupPage } from './setup/SetupPage.tsx';
import { NotFound } from './shell/Notice.tsx';
import { RouteError } from './shell/RouteError.tsx';
import { Shell } from './shell/Shell.tsx';
import { TeamPage } from './team/TeamPage.tsx';
import { VacanciesPage } from './vacancies/VacanciesPage.tsx';
import { EditVacancyPage, NewVacancyPage } from './vacancies/VacancyFormPage.tsx';
import { VacancyPage } from './vacancies/VacancyPage.tsx';

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
              { index: true, element: <Landing /> },
              { path: '/password', element: <PasswordPage /> },
              { path: '/account', element: <AccountPage /> },
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
              {
                path: '/employers',
                element: (
                  <RequireCoach>
                    <EmployersPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/employers/new',
                element: (
                  <RequireCoach>
                    <NewEmployerPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/employers/:id',
                element: (
                  <RequireCoach>
                    <EmployerPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/offers',
                element: (
                  <RequireCoach>
                    <VacanciesPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/offers/new',
                element: (
                  <RequireCoach>
                    <NewVacancyPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/offers/import',
                element: (
                  <RequireCoach>
                    <ImportPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/offers/:id',
                element: (
                  <RequireCoach>
                    <VacancyPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/offers/:id/edit',
                element: (
                  <RequireCoach>
                    <EditVacancyPage />
                  </RequireCoach>
                ),
              },
              {
                path: '/results',
                element: (
                  <RequireReports>
                    <ReportsPage />
                  </RequireReports>
                ),
              },
              { path: '/resultats', element: <Navigate to="/results" replace /> },
              {
                path: '/history-import',
                element: (
                  <RequireRole allowed={isCoordinator} reason="settings">
                    <HistoryImportPage />
                  </RequireRole>
                ),
              },
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

import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ForgotPasswordPage, ResetPasswordPage } from './auth/ForgotPasswordPage.tsx';
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
import { RequireCoach } from './employers/RequireCoach.tsx';
import { Landing, RequireReports } from './reports/RequireReports.tsx';
import { SetupGate } from './setup/SetupGate.tsx';
import { SetupPage } from './setup/SetupPage.tsx';
import { NotFound } from './shell/Notice.tsx';
import { RouteError } from './shell/RouteError.tsx';
import { Shell } from './shell/Shell.tsx';

/**
 * The pages inside the shell are loaded when first visited (Shell's Suspense shows a spinner), so
 * the first screen, on a phone during a company visit too, downloads only the shell and its page.
 */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
const AbsencesPage = page(() => import('./absences/AbsencesPage.tsx'), 'AbsencesPage');
const AccountPage = page(() => import('./account/AccountPage.tsx'), 'AccountPage');
const AdminPage = page(() => import('./admin/AdminPage.tsx'), 'AdminPage');
const EmployerPage = page(() => import('./employers/EmployerPage.tsx'), 'EmployerPage');
const EmployerPrintPage = page(() => import('./employers/EmployerPrintPage.tsx'), 'EmployerPrintPage');
const EmployersPage = page(() => import('./employers/EmployersPage.tsx'), 'EmployersPage');
const NewEmployerPage = page(() => import('./employers/NewEmployerPage.tsx'), 'NewEmployerPage');
const HistoryImportPage = page(() => import('./history/HistoryImportPage.tsx'), 'HistoryImportPage');
const HistoryHelpPage = page(() => import('./history/HistoryHelpPage.tsx'), 'HistoryHelpPage');
const ImportPage = page(() => import('./imports/ImportPage.tsx'), 'ImportPage');
const InvitationsPage = page(() => import('./auth/InvitationsPage.tsx'), 'InvitationsPage');
const PeoplePage = page(() => import('./people/PeoplePage.tsx'), 'PeoplePage');
const PersonPage = page(() => import('./person/PersonPage.tsx'), 'PersonPage');
const MyDayPage = page(() => import('./myday/MyDayPage.tsx'), 'MyDayPage');
const NewReferralPage = page(() => import('./referral/NewReferralPage.tsx'), 'NewReferralPage');
const ReportsPage = page(() => import('./reports/ReportsPage.tsx'), 'ReportsPage');
const SettingsPage = page(() => import('./settings/SettingsPage.tsx'), 'SettingsPage');
const TeamPage = page(() => import('./team/TeamPage.tsx'), 'TeamPage');
const VisitPage = page(() => import('./offline/VisitPage.tsx'), 'VisitPage');
const VacanciesPage = page(() => import('./vacancies/VacanciesPage.tsx'), 'VacanciesPage');
const VacancyPage = page(() => import('./vacancies/VacancyPage.tsx'), 'VacancyPage');
const NewVacancyPage = page(() => import('./vacancies/VacancyFormPage.tsx'), 'NewVacancyPage');
const EditVacancyPage = page(() => import('./vacancies/VacancyFormPage.tsx'), 'EditVacancyPage');

// SetupGate → (setup | login | RequireSession → Shell → pages). See README.md for the flow.
export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/invitation', element: <ResetPasswordPage kind="invitation" /> },
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
              { path: '/invitations', element: <InvitationsPage /> },
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
                path: '/my-day',
                element: (
                  <RequireRole allowed={canSeePersons} reason="persons">
                    <MyDayPage />
                  </RequireRole>
                ),
              },
              {
                // The visit sheet of a person of the day, available without a network (offline/).
                path: '/visits/:id',
                element: (
                  <RequireRole allowed={canSeePersons} reason="persons">
                    <VisitPage />
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
                path: '/employers/:id/print',
                element: (
                  <RequireCoach>
                    <EmployerPrintPage />
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
                path: '/history-import/help',
                element: (
                  <RequireRole allowed={isCoordinator} reason="settings">
                    <HistoryHelpPage />
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

import type { Me, Membership } from '@jobcoach/contract';

/** The membership in the organisation the user is working in now, if any. */
export function currentMembership(me: Me): Membership | undefined {
  return me.memberships.find((membership) => membership.organisationId === me.currentOrganisationId);
}

/** Coordinators manage the team of their organisation; admins manage every team. */
export function canManageTeam(me: Me): boolean {
  return me.user.isAdmin || currentMembership(me)?.role === 'coordinator';
}

export function isAdmin(me: Me): boolean {
  return me.user.isAdmin;
}

/** Coordinators and jobcoaches work on persons; evaluators only read aggregated results. */
export function canSeePersons(me: Me): boolean {
  if (!me.currentOrganisationId) return false;
  if (me.user.isAdmin) return true;
  const role = currentMembership(me)?.role;
  return role === 'coordinator' || role === 'jobcoach';
}

/** Coordinators of the current organisation (and admins) assign persons, see colleagues' days. */
export function isCoordinator(me: Me): boolean {
  if (!me.currentOrganisationId) return false;
  return me.user.isAdmin || currentMembership(me)?.role === 'coordinator';
}

/** « Paramètres de l'organisation »: coordinators of the current organisation, and admins. */
export const canManageSettings = isCoordinator;

/**
 * « Résultats »: the administrator, and whoever coordinates or evaluates at least one
 * organisation (the report covers those organisations, whichever one is current).
 */
export function canSeeReports(me: Me): boolean {
  return (
    me.user.isAdmin ||
    me.memberships.some((membership) => membership.role === 'coordinator' || membership.role === 'evaluator')
  );
}

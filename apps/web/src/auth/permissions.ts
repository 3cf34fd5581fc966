import type { Me, Membership } from '../api-types.ts';

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

// Shapes of the HTTP API, copied from docs/api.md (the contract the server implements).
import type { MembershipRole, OrganisationKind } from '@jobcoach/domain';

export type { OrganisationKind };
export type Role = MembershipRole;

export type Basin = { id: string; name: string; active: boolean };

export type Organisation = {
  id: string;
  name: string;
  kind: OrganisationKind;
  basinId: string;
  basinName: string;
  address: string | null;
  bce: string | null;
  version: number;
};

export type Membership = { organisationId: string; organisationName: string; role: Role; fte: number };

export type Me = {
  user: { id: string; name: string; email: string; isAdmin: boolean; mustChangePassword: boolean };
  csrfToken: string;
  currentOrganisationId: string | null;
  memberships: Membership[];
};

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  fte: number;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
};

export type SetupStatus = { needed: boolean; basins?: Basin[] };

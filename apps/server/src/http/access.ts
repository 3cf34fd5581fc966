import type { MembershipRole } from '@jobcoach/domain';

// The table of rights is the domain's (packages/domain/src/permissions.ts), shared with the web.
export {
  PERMISSION_SCOPES,
  type Permission,
  type RecordScope,
  ROLE_PERMISSIONS,
  recordScope,
} from '@jobcoach/domain';

export interface OrgAccess {
  organisationId: string;
  role: MembershipRole | 'admin';
}

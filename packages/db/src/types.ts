import type { ColumnType, Generated } from 'kysely';

/** A timestamp column with a default (may be omitted on insert). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamp column that must be given on insert. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
/** Calendar dates travel as 'YYYY-MM-DD' strings in both directions. */
export type DateString = string;

export interface BasinTable {
  id: Generated<string>;
  name: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: string;
  basin_id: string;
  address: string | null;
  bce: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  is_admin: Generated<boolean>;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: string;
  fte: ColumnType<number, number | undefined, number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  current_organisation_id: string | null;
  client_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: RequiredTimestamp;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  organisation_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_address: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface SchemaMigrationTable {
  version: string;
  applied_at: Timestamp;
}

export interface Database {
  basin: BasinTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  setup_token: SetupTokenTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
}

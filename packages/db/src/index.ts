export type { Insertable, Kysely, KyselyPlugin, Selectable, Transaction, Updateable } from 'kysely';
export { sql } from 'kysely';
export * from './connect.ts';
export * from './migrate.ts';
export * from './raw.ts';
export * from './scope.ts';
export type * from './types.ts';

export type { ExpressionBuilder, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
export { sql } from 'kysely';
export * from './connect.ts';
export * from './migrate.ts';
export * from './raw.ts';
export type * from './types.ts';

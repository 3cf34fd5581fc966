export type {
  Compilable,
  ExpressionBuilder,
  Insertable,
  Kysely,
  KyselyPlugin,
  Selectable,
  Transaction,
  Updateable,
} from 'kysely';
export { sql } from 'kysely';
export * from './backup.ts';
export * from './connect.ts';
export * from './copy.ts';
export * from './datadir.ts';
export * from './json-lines.ts';
export * from './locks.ts';
export * from './maintenance.ts';
export * from './migrate.ts';
export * from './raw.ts';
export * from './scope.ts';
export * from './statement.ts';
export type * from './types.ts';

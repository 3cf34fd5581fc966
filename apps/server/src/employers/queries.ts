import type { EmployerFile, EmployerSummary } from '@jobcoach/contract';
import { type Database, type Selectable, sql } from '@jobcoach/db';
import { basinActivitySince, formatBce } from '@jobcoach/domain';
import type { Context } from '../application/context.ts';
import type { Db } from '../application/database.ts';
import { AppError } from '../application/errors.ts';
import { employerContacts } from '../contacts/queries.ts';
import { selectVacancies, toVacancySummary } from '../vacancies/queries.ts';
import { CODES } from './scope.ts';

export type EmployerRow = Selectable<Database['employer']>;

/** Where a caller stands: their organisation and its basin (the registry they share). */
export interface RegistryScope {
  organisationId: string;
  basinId: string;
}

/** An employer of the basin, or undefined (another basin's employer is not revealed). */
export function findEmployer(db: Db, basinId: string, id: string) {
  return db
    .selectFrom('employer')
    .selectAll()
    .where('basin_id', '=', basinId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function lockEmployer(db: Db, basinId: string, id: string) {
  return db
    .selectFrom('employer')
    .selectAll()
    .where('basin_id', '=', basinId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Direct contacts (visits, phone calls) of the OTHER organisations of the basin with an employer
 * since `since`: organisation, coach and latest date per coach. Never notes, purposes or persons.
 * It reads other organisations' rows: `db` is the handle across the basin (`ctx.across('basin')`).
 */
export async function basinActivity(db: Db, scope: RegistryScope, employerId: string, today: string) {
  const rows = await db
    .selectFrom('contact as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'c.author_id')
    .select(['o.name as organisation_name', 'u.name as coach_name'])
    .select((eb) => eb.fn.max('c.date').as('date'))
    .where('c.employer_id', '=', employerId)
    .where('c.organisation_id', '<>', scope.organisationId)
    .where('o.basin_id', '=', scope.basinId)
    .where('c.direct', '=', true)
    .where('c.cancelled_at', 'is', null)
    .where('c.date', '>=', basinActivitySince(today))
    .where('c.date', '<=', today)
    .groupBy(['o.name', 'u.name'])
    .orderBy('date', 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ organisationName: r.organisation_name, coachName: r.coach_name, date: r.date }));
}

/**
 * The basin's employers as list lines, with the caller's last contact and who else follows them.
 * Who else follows them is read from the other organisations' contacts: `db` is the handle across
 * the basin (`ctx.across('basin')`); the caller's own contacts are filtered by `scope`.
 */
export function selectEmployerSummaries(db: Db, scope: RegistryScope, today: string) {
  const since = basinActivitySince(today);
  return db
    .selectFrom('employer as e')
    .selectAll('e')
    .select((eb) => [
      eb
        .selectFrom('contact as c')
        .select((e) => e.fn.max('c.date').as('d'))
        .whereRef('c.employer_id', '=', 'e.id')
        .where('c.organisation_id', '=', scope.organisationId)
        .where('c.cancelled_at', 'is', null)
        .as('last_own_contact'),
      sql<string[] | null>`(
        SELECT json_agg(DISTINCT o.name ORDER BY o.name)
        FROM contact c JOIN organisation o ON o.id = c.organisation_id
        WHERE c.employer_id = e.id AND c.organisation_id <> ${scope.organisationId}
          AND o.basin_id = e.basin_id AND c.direct AND c.cancelled_at IS NULL
          AND c.date >= ${since} AND c.date <= ${today}
      )`.as('followed_by'),
    ])
    .where('e.basin_id', '=', scope.basinId);
}
type SummaryLine = EmployerRow & { last_own_contact: string | null; followed_by: string[] | null };

export function toEmployerSummary(r: SummaryLine): EmployerSummary {
  return {
    id: r.id,
    name: r.name,
    bce: r.bce,
    naceCode: r.nace_code,
    sizeClass: r.size_class as EmployerSummary['sizeClass'],
    sector: r.sector as EmployerSummary['sector'],
    postcode: r.postcode,
    commune: r.commune,
    status: r.status as EmployerSummary['status'],
    referenceName: r.reference_name,
    version: r.version,
    lastOwnContact: r.last_own_contact ?? null,
    followedBy: r.followed_by ?? [],
  };
}

export async function loadEmployerSummary(db: Db, scope: RegistryScope, id: string, today: string) {
  const row = await selectEmployerSummaries(db, scope, today).where('e.id', '=', id).executeTakeFirst();
  return row && toEmployerSummary(row);
}

/**
 * The employer's file as the caller's organisation sees it: the shared facts, its own notes and
 * contacts, the other organisations' direct contacts (who and when only, read across the basin),
 * its own vacancies.
 */
export async function loadEmployerFile(
  ctx: Context,
  basinId: string,
  id: string,
): Promise<EmployerFile | undefined> {
  const db = ctx.db;
  const scope: RegistryScope = { organisationId: ctx.organisationId, basinId };
  const e = await findEmployer(db, basinId, id);
  if (!e) return undefined;
  const note = await db
    .selectFrom('employer_note')
    .select('notes')
    .where('organisation_id', '=', scope.organisationId)
    .where('employer_id', '=', id)
    .executeTakeFirst();
  const contacts = await employerContacts(ctx, id);
  const vacancies = await selectVacancies(db, scope.organisationId)
    .where('v.employer_id', '=', id)
    .orderBy('v.opened_on', 'desc')
    .orderBy('v.title')
    .execute();
  const ownNotes = note?.notes ?? null;
  return {
    id: e.id,
    basinId: e.basin_id,
    name: e.name,
    bce: e.bce,
    naceCode: e.nace_code,
    sizeClass: e.size_class as EmployerFile['sizeClass'],
    sector: e.sector as EmployerFile['sector'],
    address: e.address,
    postcode: e.postcode,
    commune: e.commune,
    reference: e.reference_name
      ? {
          name: e.reference_name,
          role: e.reference_role,
          phone: e.reference_phone,
          email: e.reference_email,
        }
      : null,
    status: e.status as EmployerFile['status'],
    notes: ownNotes,
    ownNotes,
    version: e.version,
    contacts,
    basinActivity: await basinActivity(ctx.across('basin'), scope, id, ctx.today),
    vacancies: vacancies.map(toVacancySummary),
  };
}

/** The employer of the basin already registered under this enterprise number, if any. */
export function findByBce(db: Db, basinId: string, bce: string, exceptId?: string) {
  let q = db
    .selectFrom('employer')
    .select(['id', 'name', 'bce'])
    .where('basin_id', '=', basinId)
    .where('bce', '=', bce);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** 409 duplicate_employer pointing at the employer already registered (error.existingId). */
export function duplicateEmployer(existing: { id: string; name: string; bce: string | null }) {
  return new AppError(
    409,
    CODES.duplicateEmployer,
    `« numéro d'entreprise (BCE) » : l’employeur « ${existing.name} » (BCE ${formatBce(existing.bce ?? '')}) est déjà dans le registre du bassin. Ouvrez sa fiche plutôt que d’en créer une seconde.`,
    'bce',
    { existingId: existing.id },
  );
}

/**
 * Runs a write that may give the employer a BCE number (a new employer, a changed number) in the
 * command's transaction. A race past `findByBce` ends on the unique index; the write runs under a
 * savepoint so that the transaction can still read the employer that won, and answer the same 409
 * as `findByBce` would have.
 */
export async function withUniqueBce<T>(
  db: Db,
  basinId: string,
  bce: string | null | undefined,
  write: () => Promise<T>,
): Promise<T> {
  if (!bce) return write();
  await sql`SAVEPOINT employer_bce`.execute(db);
  try {
    const result = await write();
    await sql`RELEASE SAVEPOINT employer_bce`.execute(db);
    return result;
  } catch (error) {
    const e = error as { code?: string; constraint?: string; message?: string };
    if (
      e.code !== '23505' ||
      (e.constraint !== 'employer_basin_bce_key' && !e.message?.includes('employer_basin_bce_key'))
    ) {
      throw error;
    }
    await sql`ROLLBACK TO SAVEPOINT employer_bce`.execute(db);
    const existing = await findByBce(db, basinId, bce);
    throw existing ? duplicateEmployer(existing) : error;
  }
}

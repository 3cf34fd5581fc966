import {
  type EmployerInput,
  employerContactInputSchema,
  employerInputSchema,
  employerListQuerySchema,
  employerLookupQuerySchema,
  employerPatchSchema,
} from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import { AppError, notFound, staleVersion } from '../../application/errors.ts';
import { personInScope, personScope } from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { recordContact } from '../../contacts/record.ts';
import { likePattern, personErased } from '../../persons/queries.ts';
import {
  duplicateEmployer,
  findByBce,
  loadEmployerFile,
  loadEmployerSummary,
  lockEmployer,
  type RegistryScope,
  selectEmployerSummaries,
  toEmployerSummary,
  withUniqueBce,
} from '../queries.ts';
import { basinOf } from '../scope.ts';

/**
 * The employers of the basin's shared registry (method.md §6): the `employer` rows belong to the
 * basin, shared by its organisations; each organisation keeps its own notes and contacts. What the
 * other organisations of the basin do with an employer is read across the basin, and only who and
 * when (never their notes, purposes or persons).
 */

const idSchema = z.uuid('identifiant invalide.');

/** The caller's organisation and its basin, once the permission is checked. */
async function registryScope(ctx: Context, permission: 'employers.read' | 'employers.write') {
  ctx.require(permission);
  return {
    organisationId: ctx.organisationId,
    basinId: await basinOf(ctx.db, ctx.organisationId),
  } satisfies RegistryScope;
}

/** The employer columns for the given (possibly partial) input; absent keys are left alone. */
function employerColumns(input: Partial<EmployerInput>) {
  const out: Record<string, unknown> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.bce !== undefined) out.bce = input.bce;
  if (input.naceCode !== undefined) out.nace_code = input.naceCode;
  if (input.sizeClass !== undefined) out.size_class = input.sizeClass;
  if (input.sector !== undefined) out.sector = input.sector;
  if (input.address !== undefined) out.address = input.address;
  if (input.postcode !== undefined) out.postcode = input.postcode;
  if (input.commune !== undefined) out.commune = input.commune;
  if (input.status !== undefined) out.status = input.status;
  if (input.reference !== undefined) {
    out.reference_name = input.reference?.name ?? null;
    out.reference_role = input.reference?.role ?? null;
    out.reference_phone = input.reference?.phone ?? null;
    out.reference_email = input.reference?.email ?? null;
  }
  return out;
}

/** The basin's employers, by name, searched by name, commune or enterprise number. */
export const listEmployers = defineQuery('employers.list', employerListQuerySchema, async (ctx, q) => {
  const scope = await registryScope(ctx, 'employers.read');
  let query = selectEmployerSummaries(ctx.across('basin'), scope, ctx.today)
    .orderBy(sql`jc_fold(e.name)`)
    .orderBy('e.id')
    .limit(q.limit)
    .offset(q.offset);
  if (q.status) query = query.where('e.status', '=', q.status);
  if (q.sector) query = query.where('e.sector', '=', q.sector);
  if (q.q) {
    const pattern = likePattern(q.q);
    const digits = q.q.replace(/\D/g, '');
    query = query.where((eb) =>
      eb.or([
        eb(sql`jc_fold(e.name)`, 'like', sql`jc_fold(${pattern})`),
        eb(sql`jc_fold(coalesce(e.commune, ''))`, 'like', sql`jc_fold(${pattern})`),
        ...(digits.length >= 3 ? [eb('e.bce', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  return (await query.execute()).map(toEmployerSummary);
});

/** The employer of the basin already registered under an enterprise number, before creating one. */
export const lookupEmployer = defineQuery(
  'employers.lookup',
  employerLookupQuerySchema,
  async (ctx, { bce }) => {
    const scope = await registryScope(ctx, 'employers.read');
    if (!bce) return { existing: null };
    const found = await findByBce(ctx.db, scope.basinId, bce);
    return {
      existing: found
        ? ((await loadEmployerSummary(ctx.across('basin'), scope, found.id, ctx.today)) ?? null)
        : null,
    };
  },
);

/** A new employer in the basin's registry (one per enterprise number), with the organisation's notes. */
export const createEmployer = defineCommand(
  'employers.create',
  employerInputSchema,
  { action: 'create', entity: 'employer' },
  async (ctx, { notes, ...input }) => {
    const scope = await registryScope(ctx, 'employers.write');
    if (input.bce) {
      const existing = await findByBce(ctx.db, scope.basinId, input.bce);
      if (existing) throw duplicateEmployer(existing);
    }
    const row = await withUniqueBce(ctx.db, scope.basinId, input.bce, () =>
      ctx.db
        .insertInto('employer')
        .values({
          ...(employerColumns(input) as { name: string; sector: string }),
          basin_id: scope.basinId,
          created_by_organisation_id: scope.organisationId,
          created_by: ctx.userId,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    if (notes) {
      await ctx.db
        .insertInto('employer_note')
        .values({
          organisation_id: scope.organisationId,
          employer_id: row.id,
          notes,
          updated_by: ctx.userId,
          updated_at: ctx.now,
        })
        .execute();
    }
    ctx.audit.entityId = row.id;
    ctx.audit.details = { basinId: scope.basinId };
    return (await loadEmployerFile(ctx, scope.basinId, row.id))!;
  },
);

/** An employer of the basin as the caller's organisation sees it (another basin's: 404). */
export const getEmployer = defineQuery(
  'employers.get',
  z.object({ employerId: idSchema }),
  async (ctx, { employerId }) => {
    const scope = await registryScope(ctx, 'employers.read');
    const file = await loadEmployerFile(ctx, scope.basinId, employerId);
    if (!file) throw notFound('Employeur');
    return file;
  },
);

/** The shared facts of an employer, and the organisation's own notes on it. */
export const updateEmployer = defineCommand(
  'employers.update',
  employerPatchSchema.extend({ employerId: idSchema }),
  { action: 'update', entity: 'employer' },
  async (ctx, { employerId: id, ...body }) => {
    const scope = await registryScope(ctx, 'employers.write');
    const { version, notes, ...input } = body;
    ctx.audit.entityId = id;
    ctx.audit.details = { fields: Object.keys(body).filter((k) => k !== 'version') };
    const row = await lockEmployer(ctx.db, scope.basinId, id);
    if (!row) throw notFound('Employeur');
    if (row.version !== version) throw staleVersion(await loadEmployerFile(ctx, scope.basinId, id));
    if (input.bce && input.bce !== row.bce) {
      const existing = await findByBce(ctx.db, scope.basinId, input.bce, id);
      if (existing) throw duplicateEmployer(existing);
    }
    // Every change, notes included, moves the version on: two coaches editing the same employer
    // never overwrite each other silently.
    await withUniqueBce(ctx.db, scope.basinId, input.bce, () =>
      ctx.db
        .updateTable('employer')
        .set((eb) => ({
          ...employerColumns(input),
          version: eb('version', '+', 1),
          updated_at: ctx.now,
        }))
        .where('id', '=', id)
        .where('version', '=', version)
        .execute(),
    );
    if (notes !== undefined) {
      await ctx.db
        .insertInto('employer_note')
        .values({
          organisation_id: scope.organisationId,
          employer_id: id,
          notes,
          updated_by: ctx.userId,
          updated_at: ctx.now,
        })
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'employer_id']).doUpdateSet((eb) => ({
            notes,
            updated_by: ctx.userId,
            updated_at: ctx.now,
            version: eb('employer_note.version', '+', 1),
          })),
        )
        .execute();
    }
    return (await loadEmployerFile(ctx, scope.basinId, id))!;
  },
);

/**
 * A contact of the organisation with an employer, maybe about a person: a person followed
 * discreetly towards that employer needs a confirmation, and canvassing an employer another
 * organisation of the basin works with needs one too (method.md §6). A visit or a call makes a
 * prospect a contacted employer.
 */
export const recordEmployerContact = defineCommand(
  'employers.recordContact',
  employerContactInputSchema.extend({ employerId: idSchema }),
  { action: 'create', entity: 'contact' },
  async (ctx, { employerId: id, personId, personPresent, ...body }) => {
    const scope = await registryScope(ctx, 'employers.write');
    const employer = await lockEmployer(ctx.db, scope.basinId, id);
    if (!employer) throw notFound('Employeur');
    // A person outside the caller's scope (a colleague's person outside the caseload, another
    // organisation's, none) is unknown here, and nothing below (the discreet follow-up) is said
    // about them.
    if (personId) {
      const ps = await personScope(ctx, 'persons.read');
      const person = await ctx.db
        .selectFrom('person as p')
        .select(['p.id', 'p.erased_at'])
        .where('p.id', '=', personId)
        .where('p.deleted_at', 'is', null)
        .where(personInScope(ps, 'p'))
        .executeTakeFirst();
      if (!person) throw new AppError(404, 'not_found', 'Personne introuvable.', 'personId');
      if (person.erased_at) throw personErased();
    }
    await recordContact(ctx, {
      ...body,
      employerId: id,
      persons: personId ? [{ personId, present: personPresent }] : [],
    });
    return (await loadEmployerFile(ctx, scope.basinId, id))!;
  },
);

import { organisationInputSchema, organisationPatchSchema } from '@jobcoach/contract';
import { z } from 'zod';
import { notFound, staleVersion } from '../../application/errors.ts';
import { defineInstallationCommand, defineInstallationQuery } from '../../application/installation.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { assertActiveBasin, getOrganisation, selectOrganisations, toOrganisationDto } from '../queries.ts';

/**
 * The organisations: the caller's list (every one for the installation administrator, those the
 * caller is an active member of otherwise), the administrator's creation of one, and reading and
 * changing one of them (in that organisation's context: the route names it).
 */

export const listOrganisations = defineInstallationQuery('organisations.list', z.object({}), async (ctx) => {
  const rows = ctx.isAdmin
    ? await selectOrganisations(ctx.across('administration')).execute()
    : await selectOrganisations(ctx.across('account'))
        .where('o.id', 'in', (eb) =>
          eb
            .selectFrom('membership')
            .select('organisation_id')
            .where('user_id', '=', ctx.userId)
            .where('active', '=', true),
        )
        .execute();
  return rows.map(toOrganisationDto);
});

export const createOrganisation = defineInstallationCommand(
  'organisations.create',
  organisationInputSchema,
  { action: 'create', entity: 'organisation' },
  async (ctx, input) => {
    ctx.requireAdmin();
    const db = ctx.across('administration');
    await assertActiveBasin(db, input.basinId);
    const row = await db
      .insertInto('organisation')
      .values({
        name: input.name,
        kind: input.kind,
        basin_id: input.basinId,
        address: input.address ?? null,
        bce: input.bce ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    ctx.audit.organisationId = row.id;
    return (await getOrganisation(db, row.id))!;
  },
);

/** The organisation of the context (the route names it: /api/organisations/:id). */
export const readOrganisation = defineQuery('organisations.get', z.object({}), async (ctx) => {
  ctx.require('organisation.read');
  const organisation = await getOrganisation(ctx.db, ctx.organisationId);
  if (!organisation) throw notFound('Organisation');
  return organisation;
});

export const updateOrganisation = defineCommand(
  'organisations.update',
  organisationPatchSchema,
  { action: 'update', entity: 'organisation' },
  async (ctx, { version, ...changes }) => {
    ctx.require('organisation.update');
    const id = ctx.organisationId;
    ctx.audit.entityId = id;
    if (changes.basinId) await assertActiveBasin(ctx.db, changes.basinId);
    const updated = await ctx.db
      .updateTable('organisation')
      .set((eb) => ({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.basinId !== undefined ? { basin_id: changes.basinId } : {}),
        ...(changes.address !== undefined ? { address: changes.address } : {}),
        ...(changes.bce !== undefined ? { bce: changes.bce } : {}),
        ...(changes.requireTotp !== undefined ? { require_totp: changes.requireTotp } : {}),
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion(await getOrganisation(ctx.db, id));
    return (await getOrganisation(ctx.db, id))!;
  },
);

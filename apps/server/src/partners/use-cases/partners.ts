import { partnerInputSchema, partnerPatchSchema } from '@jobcoach/contract';
import { z } from 'zod';
import { notFound, staleVersion } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { assertNameFree, getPartner, selectPartners, toPartner } from '../queries.ts';

/** The organisation's directory of partners, by name. */
export const listPartners = defineQuery('partners.list', z.object({}), async (ctx) => {
  ctx.require('partners.read');
  return (await selectPartners(ctx.db, ctx.organisationId).execute()).map(toPartner);
});

/** A partner added to the directory (one per name). */
export const createPartner = defineCommand(
  'partners.create',
  partnerInputSchema,
  { action: 'create', entity: 'partner' },
  async (ctx, body) => {
    ctx.require('partners.write');
    await assertNameFree(ctx.db, ctx.organisationId, body.name);
    const row = await ctx.db
      .insertInto('partner')
      .values({
        organisation_id: ctx.organisationId,
        name: body.name,
        type: body.type,
        contact: body.contact ?? null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    return (await getPartner(ctx.db, ctx.organisationId, row.id))!;
  },
);

/** Changes to a partner, from the version the caller read. */
export const updatePartner = defineCommand(
  'partners.update',
  partnerPatchSchema.extend({ partnerId: z.uuid('identifiant invalide.') }),
  { action: 'update', entity: 'partner' },
  async (ctx, { partnerId: id, version, ...changes }) => {
    ctx.require('partners.write');
    ctx.audit.entityId = id;
    const current = await getPartner(ctx.db, ctx.organisationId, id);
    if (!current) throw notFound('Partenaire');
    if (changes.name !== undefined) await assertNameFree(ctx.db, ctx.organisationId, changes.name, id);
    const updated = await ctx.db
      .updateTable('partner')
      .set((eb) => ({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.type !== undefined ? { type: changes.type } : {}),
        ...(changes.contact !== undefined ? { contact: changes.contact } : {}),
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion(current);
    return (await getPartner(ctx.db, ctx.organisationId, id))!;
  },
);

import { basinInputSchema, basinPatchSchema } from '@jobcoach/contract';
import { z } from 'zod';
import type { Db } from '../../application/database.ts';
import { AppError, notFound } from '../../application/errors.ts';
import { defineInstallationCommand, defineInstallationQuery } from '../../application/installation.ts';

/**
 * The employment basins (bassins d'emploi): the installation's regions, which belong to no
 * organisation. Every signed-in user reads the list; the installation administrator keeps it.
 */

const duplicate = () => new AppError(409, 'conflict', "Un bassin d'emploi porte déjà ce nom.", 'name');

async function nameTaken(db: Db, name: string, exceptId?: string) {
  let q = db
    .selectFrom('basin')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export const listBasins = defineInstallationQuery('basins.list', z.object({}), (ctx) =>
  ctx.across('administration').selectFrom('basin').select(['id', 'name', 'active']).orderBy('name').execute(),
);

export const createBasin = defineInstallationCommand(
  'basins.create',
  basinInputSchema,
  { action: 'create', entity: 'basin' },
  async (ctx, { name }) => {
    ctx.requireAdmin();
    const db = ctx.across('administration');
    if (await nameTaken(db, name)) throw duplicate();
    const row = await db
      .insertInto('basin')
      .values({ name })
      .returning(['id', 'name', 'active'])
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    return row;
  },
);

export const updateBasin = defineInstallationCommand(
  'basins.update',
  basinPatchSchema.extend({ basinId: z.uuid('identifiant invalide.') }),
  { action: 'update', entity: 'basin' },
  async (ctx, { basinId, name, active }) => {
    ctx.requireAdmin();
    const db = ctx.across('administration');
    if (name !== undefined && (await nameTaken(db, name, basinId))) throw duplicate();
    ctx.audit.entityId = basinId;
    const changed =
      name === undefined && active === undefined
        ? db.selectFrom('basin').select(['id', 'name', 'active']).where('id', '=', basinId)
        : db
            .updateTable('basin')
            .set({ ...(name !== undefined ? { name } : {}), ...(active !== undefined ? { active } : {}) })
            .where('id', '=', basinId)
            .returning(['id', 'name', 'active']);
    const row = await changed.executeTakeFirst();
    if (!row) throw notFound("Bassin d'emploi");
    return row;
  },
);

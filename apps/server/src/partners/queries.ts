import type { Partner } from '@jobcoach/contract';
import { AppError } from '../http/errors.ts';
import type { Db } from '../persons/common.ts';

export function selectPartners(db: Db, organisationId: string) {
  return db
    .selectFrom('partner')
    .select(['id', 'name', 'type', 'contact', 'version'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name');
}

export function toPartner(row: {
  id: string;
  name: string;
  type: string;
  contact: string | null;
  version: number;
}) {
  return { ...row, type: row.type as Partner['type'] };
}

export async function getPartner(db: Db, organisationId: string, id: string) {
  const row = await selectPartners(db, organisationId).where('id', '=', id).executeTakeFirst();
  return row && toPartner(row);
}

/** The directory holds one partner per name (case-insensitive): 409 naming the field. */
export async function assertNameFree(db: Db, organisationId: string, name: string, exceptId?: string) {
  let query = db
    .selectFrom('partner')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError(409, 'conflict', '« nom » : ce partenaire existe déjà dans le répertoire.', 'name');
  }
}

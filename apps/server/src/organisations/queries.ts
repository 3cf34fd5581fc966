import type { OrganisationDto } from '@jobcoach/contract';
import type { Database, Kysely, Transaction } from '@jobcoach/db';
import type { OrganisationKind } from '@jobcoach/domain';
import { invalid } from '../application/errors.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function selectOrganisations(db: Db) {
  return db
    .selectFrom('organisation as o')
    .innerJoin('basin as b', 'b.id', 'o.basin_id')
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.basin_id',
      'b.name as basin_name',
      'o.address',
      'o.bce',
      'o.require_totp',
      'o.version',
    ])
    .orderBy('o.name');
}

export function toOrganisationDto(row: {
  id: string;
  name: string;
  kind: string;
  basin_id: string;
  basin_name: string;
  address: string | null;
  bce: string | null;
  require_totp: boolean;
  version: number;
}): OrganisationDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    basinId: row.basin_id,
    basinName: row.basin_name,
    address: row.address,
    bce: row.bce,
    requireTotp: row.require_totp,
    version: row.version,
  };
}

export async function getOrganisation(db: Db, id: string): Promise<OrganisationDto | undefined> {
  const row = await selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
  return row && toOrganisationDto(row);
}

/** A new organisation must sit in an active basin. */
export async function assertActiveBasin(db: Db, basinId: string, field = 'basinId') {
  const basin = await db.selectFrom('basin').select('active').where('id', '=', basinId).executeTakeFirst();
  if (!basin) throw invalid(field, "bassin d'emploi inconnu.");
  if (!basin.active) throw invalid(field, "ce bassin d'emploi n'est plus proposé.");
}

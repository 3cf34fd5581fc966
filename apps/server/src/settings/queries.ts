import type { OrganisationSettings } from '@jobcoach/contract';
import {
  DEFAULT_CADENCE_SETTINGS,
  DEFAULT_PERSONS_PER_FTE,
  DEFAULT_PRESENTATION_CAP,
} from '@jobcoach/domain';
import { DEFAULT_TRUST_CONTRACT_TEMPLATE } from '../documents/template.ts';
import type { Db } from '../persons/common.ts';

/** The organisation's settings, or the defaults (version 0) while none were saved. */
export async function loadSettings(db: Db, organisationId: string): Promise<OrganisationSettings> {
  const row = await db
    .selectFrom('organisation_settings')
    .select(['persons_per_fte', 'cadence', 'trust_contract_template', 'presentation_cap', 'version'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return settingsOf(row);
}

/** The settings of a stored row (read here or joined by another query), or the defaults. */
export function settingsOf(
  row:
    | {
        persons_per_fte: number | string;
        cadence: OrganisationSettings['cadence'];
        trust_contract_template: string;
        /** Left out by queries that do not need it (the default is then reported). */
        presentation_cap?: number;
        version: number;
      }
    | null
    | undefined,
): OrganisationSettings {
  if (!row) {
    return {
      personsPerFte: DEFAULT_PERSONS_PER_FTE,
      // Frozen: read by the rules, never changed in place (an update writes new settings).
      cadence: DEFAULT_CADENCE_SETTINGS as OrganisationSettings['cadence'],
      trustContractTemplate: DEFAULT_TRUST_CONTRACT_TEMPLATE,
      presentationCap: DEFAULT_PRESENTATION_CAP,
      version: 0,
    };
  }
  return {
    personsPerFte: Number(row.persons_per_fte),
    cadence: row.cadence,
    trustContractTemplate: row.trust_contract_template,
    presentationCap: row.presentation_cap ?? DEFAULT_PRESENTATION_CAP,
    version: row.version,
  };
}

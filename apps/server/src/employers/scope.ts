import type { ErrorCode } from '../http/errors.ts';
import type { Db } from '../persons/common.ts';

/** The basin of an organisation. */
export async function basinOf(db: Db, organisationId: string): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select('basin_id')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return org.basin_id;
}

/** Error codes of this capability's contract (docs/api.md), as listed in http/errors.ts. */
export const CODES = {
  duplicateEmployer: 'duplicate_employer',
  basinOverlap: 'basin_overlap',
  presentationCap: 'presentation_cap',
  stepNotAllowed: 'step_not_allowed',
  transitionNotAllowed: 'transition_not_allowed',
} as const satisfies Record<string, ErrorCode>;

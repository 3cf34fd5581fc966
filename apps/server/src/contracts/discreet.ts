import { sql } from '@jobcoach/db';
import type { Db } from '../application/database.ts';
import { AppError } from '../application/errors.ts';

/**
 * Discreet follow-up (method.md §6): some persons want no contact between their coach and their
 * employer, for fear of stigma. Discretion holds towards the employer of the contract whose
 * follow-up arrangement says `discreet` (per person and employer): that employer's page never shows
 * the person, and a contact with that employer about the person needs an explicit confirmation,
 * which is recorded (contact.discreet_confirmed; contacts/record.ts).
 */

/**
 * Condition for contact rows (alias `alias`) that may appear on an employer's page: about no
 * person that the contact's organisation follows discreetly towards that employer (the contact's
 * persons, contact_person).
 */
export function notAboutDiscreetPerson(alias = 'c') {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`NOT EXISTS (
    SELECT 1 FROM contact_person dcp
    JOIN contract fk ON fk.person_id = dcp.person_id AND fk.organisation_id = dcp.organisation_id
    JOIN follow_up_arrangement fa ON fa.contract_id = fk.id AND fa.organisation_id = fk.organisation_id
    WHERE fa.discreet AND fk.cancelled_at IS NULL AND dcp.contact_id = ${column('id')} AND dcp.organisation_id = ${column('organisation_id')}
      AND fk.employer_id = ${column('employer_id')}
  )`;
}

/** Whether the person of the organisation is followed discreetly towards this employer. */
export async function isDiscreetTowards(
  db: Db,
  organisationId: string,
  personId: string,
  employerId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('follow_up_arrangement as fa')
    .innerJoin('contract as fk', 'fk.id', 'fa.contract_id')
    .select('fa.id')
    .where('fa.organisation_id', '=', organisationId)
    .where('fa.discreet', '=', true)
    .where('fk.person_id', '=', personId)
    .where('fk.employer_id', '=', employerId)
    .where('fk.cancelled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export const DISCREET_FOLLOW_UP_MESSAGE =
  'Cette personne bénéficie d’un suivi discret chez cet employeur : l’employeur ne sait pas qu’elle est accompagnée, et elle ne souhaite pas de contact entre son jobcoach et son employeur. Ne parlez pas d’elle à l’employeur sans son accord. Si ce contact a bien eu lieu avec son accord, confirmez-le (confirmDiscreet) : la confirmation sera enregistrée.';

/**
 * Before logging a contact with an employer about a person: when the person is followed
 * discreetly towards that employer, refuses with 409 `discreet_follow_up` unless the coach
 * confirmed (`confirmDiscreet: true`). Returns the value to record in `discreet_confirmed`.
 */
export async function checkDiscreetContact(
  db: Db,
  input: {
    organisationId: string;
    employerId: string;
    personId: string | null | undefined;
    confirmDiscreet?: boolean;
  },
): Promise<boolean> {
  if (!input.personId) return false;
  if (!(await isDiscreetTowards(db, input.organisationId, input.personId, input.employerId))) return false;
  if (input.confirmDiscreet !== true) {
    throw new AppError(409, 'discreet_follow_up', DISCREET_FOLLOW_UP_MESSAGE, 'confirmDiscreet', {
      personId: input.personId,
    });
  }
  return true;
}

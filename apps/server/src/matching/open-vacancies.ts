import { PREPARED_MARK, sql } from '@jobcoach/db';
import { type MatchingVacancy, type PreparedVacancy, prepareVacancy } from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';
import { selectVacancies, type VacancyLine } from '../vacancies/queries.ts';
import { toMatchingVacancy } from './mapping.ts';

/**
 * An organisation's open vacancies as matching ranks them, held in memory between requests
 * (docs/performance.md): reading and decoding the list was a third of the server's and
 * PostgreSQL's work for a person's matches, and the list changes a few times a day. Whether a list
 * held is still the list is told by the organisation's stamp (migration 0029), which triggers renew
 * in the same transaction as every write that changes the list, whoever writes it (this server,
 * another one, the import); a request reads the stamp within a statement it runs anyway. A list is
 * only ever used for the stamp it was read with, in the same statement: never newer or older than
 * what the database holds at the moment the stamp is read. Each vacancy is held prepared for the
 * ranking (prepareVacancy): what the rules read of an offer alone is worked out once per list.
 */
export type OpenVacancy = PreparedVacancy<MatchingVacancy & { readonly line: VacancyLine }>;

interface Held {
  stamp: string;
  vacancies: readonly OpenVacancy[];
}

/** About 2 kB each: the lists held take a few tens of megabytes at most. */
const MAX_VACANCIES_HELD = 20_000;
const held = new Map<string, Held>();
let vacanciesHeld = 0;

/** The organisation's stamp as an SQL expression, to read beside the columns of another statement. */
export function openVacanciesStamp(organisationId: string) {
  return sql<
    string | null
  >`(SELECT s.stamp FROM open_vacancies_stamp s WHERE s.organisation_id = ${organisationId})`;
}

/** The list held for the organisation, whatever its stamp; undefined when none is. */
export function heldOpenVacancies(organisationId: string): Held | undefined {
  return held.get(organisationId);
}

/** Reads the organisation's open vacancies (newest first) and holds them with their stamp. */
export async function readOpenVacancies(db: Db, organisationId: string): Promise<readonly OpenVacancy[]> {
  const rows = await selectVacancies(db, organisationId)
    .select(openVacanciesStamp(organisationId).as('stamp'))
    .where('v.status', '=', 'open')
    .orderBy('v.opened_on', 'desc')
    .orderBy('v.id')
    .modifyEnd(sql.raw(PREPARED_MARK))
    .execute();
  const vacancies = rows.map(({ stamp: _, ...line }) =>
    deepFreeze(prepareVacancy({ ...toMatchingVacancy(line), line })),
  );
  const stamp = rows[0]?.stamp ?? null;
  // No open vacancy, or a stamp never written (an organisation loaded with the triggers off):
  // nothing to hold.
  if (stamp !== null) hold(organisationId, { stamp, vacancies });
  return vacancies;
}

/**
 * The open vacancies as of `stamp` (read in the same request): the list held when it has this
 * stamp, otherwise read again. `read` is the list this request read itself, if it did.
 */
export async function openVacanciesAsOf(
  db: Db,
  organisationId: string,
  stamp: string | null,
  read: readonly OpenVacancy[] | null,
): Promise<readonly OpenVacancy[]> {
  if (read) return read;
  const current = held.get(organisationId);
  if (current && stamp !== null && current.stamp === stamp) {
    // Most recently used last: the first ones are let go first.
    held.delete(organisationId);
    held.set(organisationId, current);
    return current.vacancies;
  }
  return readOpenVacancies(db, organisationId);
}

function hold(organisationId: string, entry: Held) {
  const previous = held.get(organisationId);
  if (previous) {
    vacanciesHeld -= previous.vacancies.length;
    held.delete(organisationId);
  }
  held.set(organisationId, entry);
  vacanciesHeld += entry.vacancies.length;
  for (const [id, oldest] of held) {
    if (vacanciesHeld <= MAX_VACANCIES_HELD || id === organisationId) break;
    held.delete(id);
    vacanciesHeld -= oldest.vacancies.length;
  }
}

/** Shared between requests: nothing may change a list held. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

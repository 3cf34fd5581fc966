import { PREPARED_MARK, sql } from '@jobcoach/db';
import { type MatchingVacancy, type PreparedVacancy, prepareVacancy } from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';
import { presentationCapOf, selectVacancies, type VacancyLine } from '../vacancies/queries.ts';
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
 * ranking (prepareVacancy): what the rules read of an offer alone is worked out once per list. The
 * organisation's cap of candidates presented at once is held with the list (a change of the
 * settings renews the stamp too, migration 0030): with each offer's count of active presentations,
 * it tells which offers are at their cap without asking PostgreSQL about the others.
 */
export type OpenVacancy = PreparedVacancy<MatchingVacancy & { readonly line: VacancyLine }>;

/** The open vacancies of an organisation, and its cap of candidates presented at once. */
export interface OpenVacancies {
  readonly vacancies: readonly OpenVacancy[];
  readonly cap: number;
}

interface Held extends OpenVacancies {
  stamp: string;
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
export async function readOpenVacancies(db: Db, organisationId: string): Promise<OpenVacancies> {
  const rows = await selectVacancies(db, organisationId)
    .select(openVacanciesStamp(organisationId).as('stamp'))
    .select(presentationCapOf(organisationId).as('cap'))
    .where('v.status', '=', 'open')
    .orderBy('v.opened_on', 'desc')
    .orderBy('v.id')
    .modifyEnd(sql.raw(PREPARED_MARK))
    .execute();
  const vacancies = rows.map(({ stamp: _, cap: __, ...line }) =>
    deepFreeze(prepareVacancy({ ...toMatchingVacancy(line), line })),
  );
  const first = rows[0];
  // No open vacancy (then no cap is needed), or a stamp never written (an organisation loaded with
  // the triggers off): nothing to hold.
  const list: OpenVacancies = Object.freeze({ vacancies, cap: first ? Number(first.cap) : 0 });
  if (first?.stamp != null) hold(organisationId, { ...list, stamp: first.stamp });
  return list;
}

/** The offers of a list at the organisation's cap of candidates presented at once. */
export function offersAtCap(list: OpenVacancies): string[] {
  return list.vacancies
    .filter(({ vacancy }) => Number(vacancy.line.active_presentations ?? 0) >= list.cap)
    .map(({ vacancy }) => vacancy.line.id);
}

/**
 * The open vacancies as of `stamp` (read in the same request): the list held when it has this
 * stamp, otherwise read again. `read` is the list this request read itself, if it did.
 */
export async function openVacanciesAsOf(
  db: Db,
  organisationId: string,
  stamp: string | null,
  read: OpenVacancies | null,
): Promise<OpenVacancies> {
  if (read) return read;
  const current = held.get(organisationId);
  if (current && stamp !== null && current.stamp === stamp) {
    // Most recently used last: the first ones are let go first.
    held.delete(organisationId);
    held.set(organisationId, current);
    return current;
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

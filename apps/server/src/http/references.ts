import type { FastifySchema } from 'fastify';

/**
 * The records of a person: the person, and what belongs to one (a contract, a presentation to an
 * employer, a document). Whoever names one must reach its person (http/scope.ts).
 */
export type PersonRecord = 'person' | 'contract' | 'presentation' | 'document';

/**
 * What each id-bearing field of a request's body or query string designates, by its name:
 * - a person-level record: the record scope is checked before the handler, for every route, by
 *   http/scope.ts (`personScopeGuard`), whatever the route does with it;
 * - `organisation`: a record of the caller's organisation (or the organisation itself) that is not
 *   a person's; the route looks it up within the organisation (404 otherwise);
 * - `basin`: the shared employer registry or a basin, looked up within the caller's basin;
 * - `user`: a member of the organisation (a coach), looked up among its members;
 * - `name`: not a record id (a transition's name, the id a device gave a contact).
 */
export const ID_FIELDS = {
  personId: 'person',
  personIds: 'person',
  contractId: 'contract',
  contractIds: 'contract',
  presentationId: 'presentation',
  presentationIds: 'presentation',
  documentId: 'document',
  documentIds: 'document',
  organisationId: 'organisation',
  organisationIds: 'organisation',
  partnerId: 'organisation',
  redirectPartnerId: 'organisation',
  vacancyId: 'organisation',
  plannedContactId: 'organisation',
  employerId: 'basin',
  basinId: 'basin',
  basinVacancyId: 'basin',
  coachId: 'user',
  coverCoachId: 'user',
  transitionId: 'name',
  // The id a device gives a contact it logged offline: a name for it, looked up in the caller's organisation only.
  clientId: 'name',
} as const satisfies Record<string, PersonRecord | 'organisation' | 'basin' | 'user' | 'name'>;

const PERSON_RECORDS: ReadonlySet<string> = new Set<PersonRecord>([
  'person',
  'contract',
  'presentation',
  'document',
]);

/** Where a request carries a person-level record's id besides its URL. */
export interface RecordReference {
  location: 'body' | 'querystring';
  /** Keys from the top of the body or query; `[]` steps into an array. */
  path: string[];
  record: PersonRecord;
}

/** The field as the API's errors name it: `personId`, `items.personId`. */
export const referenceField = (ref: RecordReference) => ref.path.filter((p) => p !== '[]').join('.');

interface ZodDef {
  type: string;
  format?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  element?: unknown;
  options?: unknown[];
  left?: unknown;
  right?: unknown;
  checks?: { _zod?: { def?: { format?: string } } }[];
}

const defOf = (schema: unknown): ZodDef | undefined =>
  (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod?.def;

/** Whether a schema (under its wrappers) is a UUID string. */
function isUuid(schema: unknown): boolean {
  const def = unwrap(schema);
  if (def?.type !== 'string') return false;
  return def.format === 'uuid' || (def.checks ?? []).some((c) => c._zod?.def?.format === 'uuid');
}

/** The definition under optional, nullable, default, pipe… wrappers. */
function unwrap(schema: unknown): ZodDef | undefined {
  let def = defOf(schema);
  for (let i = 0; def && i < 20; i += 1) {
    if (def.type === 'pipe') def = defOf(def.in);
    else if (def.innerType !== undefined) def = defOf(def.innerType);
    else break;
  }
  return def;
}

function collect(
  schema: unknown,
  path: string[],
  location: RecordReference['location'],
  out: RecordReference[],
  where: string,
) {
  const def = unwrap(schema);
  if (!def) return;
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape ?? {})) {
        const named = /Ids?$/.test(key);
        if (named || isUuid(value)) {
          const kind = (ID_FIELDS as Record<string, string>)[key];
          if (!kind) {
            throw new Error(
              `${where}: field "${[...path, key].join('.')}" holds an id of an unknown kind; ` +
                'declare what it designates in ID_FIELDS (http/references.ts)',
            );
          }
          if (PERSON_RECORDS.has(kind)) {
            out.push({ location, path: [...path, key], record: kind as PersonRecord });
          }
        }
        collect(value, [...path, key], location, out, where);
      }
      return;
    case 'array':
      collect(def.element, [...path, '[]'], location, out, where);
      return;
    case 'union':
      for (const option of def.options ?? []) collect(option, path, location, out, where);
      return;
    case 'intersection':
      collect(def.left, path, location, out, where);
      collect(def.right, path, location, out, where);
      return;
    default:
      // Scalars; a record (z.record) has no fixed keys and is read by its route alone.
      return;
  }
}

/**
 * The person-level records a route's body and query string name, found from its schema. Refuses
 * (throws, at start-up) a field that holds an id of a kind `ID_FIELDS` does not state: a field
 * added later is either checked or stops the server from starting.
 */
export function recordReferences(schema: FastifySchema | undefined, where: string): RecordReference[] {
  const out: RecordReference[] = [];
  for (const [location, part] of [
    ['body', schema?.body],
    ['querystring', schema?.querystring],
  ] as const) {
    if (part === undefined) continue;
    // Only a zod schema can be searched for ids: any other would let a field through unseen.
    if (!defOf(part)) throw new Error(`${where}: its ${location} schema is not a zod schema`);
    collect(part, [], location, out, where);
  }
  const seen = new Set<string>();
  return out.filter((ref) => {
    const key = `${ref.location}:${ref.path.join('.')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The ids a request gives for a reference (none when the field is absent or null). */
export function referencedIds(value: unknown, path: readonly string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (path.length === 0) return Array.isArray(value) ? value : [value];
  const [head, ...rest] = path;
  if (head === '[]') return Array.isArray(value) ? value.flatMap((v) => referencedIds(v, rest)) : [];
  if (typeof value !== 'object' || Array.isArray(value)) return [];
  return referencedIds((value as Record<string, unknown>)[head!], rest);
}

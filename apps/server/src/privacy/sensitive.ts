import type { MatchReason, MembershipRole } from '@jobcoach/domain';
import type { Viewer } from '../application/person-scope.ts';
import { AppError } from '../http/errors.ts';

/**
 * Sensitive personal data: the one registry. The columns are marked in the schema (migration
 * 0009_sensitive.sql, `COMMENT ON COLUMN … IS 'sensitive: …'`) and a test checks that this list and
 * those comments name the same columns.
 *
 * Only a caller with the right (`persons.sensitive`: coordinators, and jobcoaches to whom a
 * coordinator granted it on their membership) receives them; everyone else gets the response
 * without them and the list of what was withheld (`restricted`), never an empty value that a save
 * could write back.
 */
export type SensitiveCategory = 'health' | 'origin' | 'residence' | 'debts' | 'confidential note';

export interface SensitiveField {
  /** The key in the API's person file and in the person's input. */
  key:
    | 'physicalLimits'
    | 'physicalLimitsNote'
    | 'origin'
    | 'residenceStatus'
    | 'debtSettlementPlan'
    | 'notes';
  table: 'person' | 'contact';
  column: string;
  category: SensitiveCategory;
  /** Set when the field is sensitive only while this flag column is true (confidential notes). */
  when?: string;
}

export const SENSITIVE_FIELDS: readonly SensitiveField[] = [
  { key: 'physicalLimits', table: 'person', column: 'physical_limits', category: 'health' },
  { key: 'physicalLimitsNote', table: 'person', column: 'physical_limits_note', category: 'health' },
  { key: 'origin', table: 'person', column: 'origin', category: 'origin' },
  { key: 'residenceStatus', table: 'person', column: 'residence_status', category: 'residence' },
  { key: 'debtSettlementPlan', table: 'person', column: 'debt_settlement_plan', category: 'debts' },
  {
    key: 'notes',
    table: 'person',
    column: 'notes',
    category: 'confidential note',
    when: 'notes_confidential',
  },
  { key: 'notes', table: 'contact', column: 'notes', category: 'confidential note', when: 'confidential' },
];

/** The person fields always withheld from a caller without the right. */
export const SENSITIVE_PERSON_KEYS = SENSITIVE_FIELDS.filter((f) => f.table === 'person' && !f.when).map(
  (f) => f.key,
);
export type SensitivePersonKey = (typeof SENSITIVE_PERSON_KEYS)[number];

/** Priority groups computed from a sensitive field: withheld with it (the debt settlement plan). */
export const SENSITIVE_PRIORITY_GROUPS: ReadonlySet<string> = new Set(['debt_settlement_plan']);

export type { Viewer } from '../application/person-scope.ts';

/** A bare role (a caller that did not resolve a viewer): coordinators read everything. */
export function asViewer(v: MembershipRole | Viewer): Viewer {
  return typeof v === 'string' ? { role: v, userId: null, sensitive: v === 'coordinator' } : v;
}

interface RedactableFile {
  notes?: string | null;
  notesConfidential?: boolean;
  priorityGroups: { code: string; label: string }[];
  restricted?: string[];
}

/**
 * The serialisation filter of a person's file: without the right, the sensitive fields (and a
 * confidential note) are removed, not emptied, and named in `restricted`; the priority groups they
 * imply go with them. Everything that answers with a person's file goes through loadPersonFile,
 * which applies it.
 */
export function redactPersonFile<T extends RedactableFile>(file: T, viewer: Viewer): T {
  if (viewer.sensitive) return { ...file, restricted: [] };
  const out = { ...file } as Record<string, unknown>;
  const restricted: string[] = [];
  for (const key of SENSITIVE_PERSON_KEYS) {
    delete out[key];
    restricted.push(key);
  }
  if (file.notesConfidential) {
    delete out.notes;
    restricted.push('notes');
  }
  out.priorityGroups = file.priorityGroups.filter((g) => !SENSITIVE_PRIORITY_GROUPS.has(g.code));
  out.restricted = restricted;
  return out as T;
}

/** Whether a contact's notes are shown to the viewer: not confidential, own note, or the right. */
export function contactNotesVisible(
  contact: { confidential: boolean; author_id: string | null },
  viewer: Viewer,
): boolean {
  return (
    !contact.confidential ||
    viewer.sensitive ||
    (viewer.userId !== null && contact.author_id === viewer.userId)
  );
}

/**
 * A caller without the right may not change a sensitive field (it would overwrite a value they
 * cannot see) nor a confidential note, nor mark notes confidential: 403 naming the field.
 */
export function assertMayWriteSensitive(
  input: Record<string, unknown>,
  viewer: Viewer,
  current: { notes_confidential: boolean },
): void {
  if (viewer.sensitive) return;
  for (const key of SENSITIVE_PERSON_KEYS) {
    if (input[key] !== undefined) throw restrictedField(key);
  }
  if (input.notesConfidential !== undefined) throw restrictedField('notesConfidential');
  if (current.notes_confidential && input.notes !== undefined) throw restrictedField('notes');
}

function restrictedField(field: string) {
  return new AppError(
    403,
    'forbidden',
    'Accès restreint : seul·e un·e collègue autorisé·e à lire les données sensibles peut modifier ce champ.',
    field,
  );
}

/**
 * The matching reasons that echo the person's physical limits (the note, and a limit blocking a
 * demand): kept (the coach must check them before presenting the person) but worded without what
 * they say of the person's health for a caller without the right.
 */
export function redactMatchReasons(reasons: MatchReason[], viewer: Viewer): MatchReason[] {
  if (viewer.sensitive) return reasons;
  return reasons.map((r): MatchReason => {
    if (r.code === 'physical_note')
      return { kind: r.kind, code: r.code, key: 'physical_note.restricted', points: r.points };
    if (r.code === 'physical')
      return { kind: r.kind, code: r.code, key: 'physical.restricted', points: r.points };
    return r;
  });
}

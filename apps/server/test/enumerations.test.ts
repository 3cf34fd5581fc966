import {
  CONSENT_PURPOSES,
  DISMISSIBLE_SETUP_ITEMS,
  EMPLOYER_SECTORS,
  EMPLOYER_SIZE_CLASSES,
  EMPLOYER_STATUSES,
  HANDOFF_PURPOSES,
  HISTORY_MAPPING_TARGETS,
  MAIL_LANGUAGES,
  PARTNER_TYPES,
  REFERRAL_KINDS,
  VACANCY_SOURCES,
  VACANCY_STATUSES,
} from '@jobcoach/contract';
import { type DatabaseHandle, sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import {
  BASIN_REQUEST_STATUSES,
  COACHABILITY_DECISIONS,
  CONTACT_CHANNELS,
  CONTACT_PURPOSES,
  CONTRACT_END_REASONS,
  CONTRACT_KINDS,
  CONTRACT_TYPES,
  DIRECT_CHANNELS,
  FOLLOW_UP_MODES,
  HIRING_AID_AUTHORITIES,
  INCOME_SOURCES,
  INTRODUCTION_CHANNELS,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
  ORIGINS,
  PHASES,
  PLAN_STATUSES,
  PRESENTATION_STEPS,
  RESIDENCE_STATUSES,
  SEXES,
  STUDIES,
  THREE_WAY_REASONS,
  TRANSITION_IDS,
  VACANCY_CONTRACT_TYPES,
} from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The database repeats some enumerations of the domain and of the API as CHECK lists, and the
 * direct contact channels in an index and in the contact-summary trigger. This test reads them back
 * from the catalog and ties each to the list it copies: a value added on one side only fails here.
 * A new enumerated column must be added to the table below.
 */
const ENUMERATED_COLUMNS: Record<string, readonly string[]> = {
  'app_user.language': MAIL_LANGUAGES,
  'basin_request.status': BASIN_REQUEST_STATUSES,
  'coachability_assessment.decision': COACHABILITY_DECISIONS,
  'contact.channel': CONTACT_CHANNELS,
  'contact.purpose': CONTACT_PURPOSES,
  'contract.end_reason': CONTRACT_END_REASONS,
  'contract.type': CONTRACT_TYPES,
  'employer.sector': EMPLOYER_SECTORS,
  'employer.size_class': EMPLOYER_SIZE_CLASSES,
  'employer.status': EMPLOYER_STATUSES,
  'employment_period.kind': CONTRACT_KINDS,
  'follow_up_arrangement.mode': FOLLOW_UP_MODES,
  'follow_up_arrangement.three_way_reason': THREE_WAY_REASONS,
  'hiring_aid_rule.authority': HIRING_AID_AUTHORITIES,
  'invitation.role': MEMBERSHIP_ROLES,
  'membership.role': MEMBERSHIP_ROLES,
  'organisation.kind': ORGANISATION_KINDS,
  'history_import_mapping.target': HISTORY_MAPPING_TARGETS,
  'partner.type': PARTNER_TYPES,
  'person.income': INCOME_SOURCES,
  'person.origin': ORIGINS,
  'person.phase': PHASES,
  'person.referral_kind': REFERRAL_KINDS,
  'person.residence_status': RESIDENCE_STATUSES,
  'person.sex': SEXES,
  'person.studies': STUDIES,
  'person_consent.purpose': CONSENT_PURPOSES,
  'person_handoff.purpose': HANDOFF_PURPOSES,
  'planned_contact.channel': CONTACT_CHANNELS,
  'planned_contact.status': PLAN_STATUSES,
  'presentation.step': PRESENTATION_STEPS,
  'presentation_step.channel': INTRODUCTION_CHANNELS,
  'presentation_step.step': PRESENTATION_STEPS,
  'setup_checklist_dismissal.item': DISMISSIBLE_SETUP_ITEMS,
  'trajectory_event.from_phase': PHASES,
  'trajectory_event.to_phase': PHASES,
  'trajectory_event.transition_id': TRANSITION_IDS,
  'vacancy.contract_type': VACANCY_CONTRACT_TYPES,
  'vacancy.source': VACANCY_SOURCES,
  'vacancy.status': VACANCY_STATUSES,
};

/**
 * Enumerations the database keeps for itself (no list elsewhere to tie them to): bookkeeping of
 * imports, erasure and retention, and document kinds.
 */
const DATABASE_ONLY = new Set([
  'history_import_key.entity',
  'history_import_row.entity',
  'import_job.kind',
  'import_job.status',
  'person.erasure_kind',
  'person_document.kind',
  'retention_run.trigger',
]);

/** `(col = ANY (ARRAY['a'::text, 'b'::text]))` → ['col', ['a', 'b']]; null for other checks. */
function enumeration(definition: string): [string, string[]] | null {
  const m = /^CHECK \(\(\(?(\w+) = ANY \(ARRAY\[(.*?)\]\)\)\)\)?$/.exec(definition);
  if (!m) return null;
  return [m[1]!, [...m[2]!.matchAll(/'([^']*)'::text/g)].map((v) => v[1]!)];
}

/** The quoted values of `channel IN (…)` or `channel = ANY (ARRAY[…])` in a piece of SQL. */
function channelLists(text: string): string[][] {
  const lists = [
    ...text.matchAll(/channel IN \(([^)]*)\)/g),
    ...text.matchAll(/channel = ANY \(ARRAY\[([^\]]*)\]\)/g),
  ];
  return lists.map((m) => [...m[1]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!));
}

describe.each(testTargets())('the database’s lists and the code’s on $driver', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('ties every enumerated CHECK list to the domain’s or the API’s enumeration', async () => {
    const rows = await sql<{ t: string; def: string }>`
      SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`.execute(handle.db);
    const found = new Map<string, string[]>();
    for (const row of rows.rows) {
      const e = enumeration(row.def);
      if (e) found.set(`${row.t}.${e[0]}`, e[1]);
    }
    const unknown = [...found.keys()].filter((k) => !(k in ENUMERATED_COLUMNS) && !DATABASE_ONLY.has(k));
    expect(unknown).toEqual([]);
    for (const [column, values] of Object.entries(ENUMERATED_COLUMNS)) {
      expect([column, [...(found.get(column) ?? [])].sort()]).toEqual([column, [...values].sort()]);
    }
  });

  it('ties every SQL copy of the direct contact channels to the domain’s DIRECT_CHANNELS', async () => {
    // One copy: the generated column contact.direct, which every index, trigger and report reads.
    const generated = await sql<{ def: string }>`
      SELECT pg_get_expr(d.adbin, d.adrelid) AS def
        FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
       WHERE d.adrelid = 'contact'::regclass AND a.attname = 'direct'`.execute(handle.db);
    const copies = generated.rows.flatMap((r) => channelLists(r.def));
    expect(copies.length).toBe(1);
    for (const copy of copies) expect([...copy].sort()).toEqual([...DIRECT_CHANNELS].sort());
  });
});

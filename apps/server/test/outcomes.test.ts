import { type DatabaseHandle, sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths, monthsBetween, type ReportTable, type ReportValue } from '@jobcoach/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOutcomeTables, plusMonths, wholeMonths } from '../src/reports/outcomes.ts';

/**
 * Longitudinal outcomes and practice indicators on a small dataset whose every figure is worked
 * out by hand below. The period is the first half of 2024; "today" is 15 March 2025.
 */
const TODAY = '2025-03-15';
const PERIOD = { from: '2024-01-01', to: '2024-06-30' };

type Values = Record<string, unknown>;

async function insert(db: DatabaseHandle['db'], table: string, values: Values): Promise<string> {
  const keys = Object.keys(values);
  const result = await sql<{ id: string }>`
    INSERT INTO ${sql.table(table)} (${sql.join(keys.map((k) => sql.ref(k)))})
    VALUES (${sql.join(keys.map((k) => values[k]))})
    RETURNING *`.execute(db);
  return (result.rows[0] as { id?: string } | undefined)?.id ?? '';
}

function cells(table: ReportTable | undefined, rowKey: string): Record<string, ReportValue> {
  const row = table?.rows.find((r) => r.key === rowKey);
  if (!row) throw new Error(`no row ${rowKey} in ${table?.id}`);
  return row.values;
}

describe.each(testTargets())('outcomes and practice indicators on $driver', (target) => {
  let handle: DatabaseHandle;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let tables: ReportTable[];

  beforeAll(async () => {
    handle = await target.open();
    const db = handle.db;
    const basin = await insert(db, 'basin', { name: 'Bassin de test' });
    const org = (name: string) => insert(db, 'organisation', { name, kind: 'cpas', basin_id: basin });
    orgA = await org('CPAS A');
    orgB = await org('OISP B');
    orgC = await org('EFT C');

    // Jobcoach FTE: A = 1 + 0.5 (the coordinator, the evaluator and the inactive coach do not count);
    // B = 0.8.
    let n = 0;
    const member = async (organisation: string, role: string, fte: number, active = true) => {
      n += 1;
      const user = await insert(db, 'app_user', {
        email: `user${n}@example.org`,
        name: `User ${n}`,
        password_hash: 'x',
      });
      await insert(db, 'membership', { user_id: user, organisation_id: organisation, role, fte, active });
      return user;
    };
    await member(orgA, 'jobcoach', 1);
    await member(orgA, 'jobcoach', 0.5);
    await member(orgA, 'coordinator', 1);
    await member(orgA, 'evaluator', 1);
    await member(orgA, 'jobcoach', 1, false);
    await member(orgB, 'jobcoach', 0.8);
    await member(orgC, 'jobcoach', 1);

    // Organisation B's own cadence: 10 days in pre-hire; in follow-up 7 days, kept after month 1.
    await insert(db, 'organisation_settings', {
      organisation_id: orgB,
      cadence: JSON.stringify({ preHireDays: 10, followUp: [{ untilMonth: 1, days: 7 }] }),
      trust_contract_template: 'Contrat de confiance',
    });

    const employer = await insert(db, 'employer', {
      basin_id: basin,
      name: 'Boulangerie',
      sector: 'private',
    });
    const vacancies = new Map<string, string>();
    for (const o of [orgA, orgB, orgC]) {
      vacancies.set(
        o,
        await insert(db, 'vacancy', {
          organisation_id: o,
          employer_id: employer,
          title: 'Magasinier',
          source: 'canvassing',
          contract_type: 'cdi',
          published: '{}',
          opened_on: '2023-01-01',
        }),
      );
    }

    let seq = 0;
    const person = async (
      organisation: string,
      entry: string | null,
      extra: Values = {},
    ): Promise<string> => {
      const id = await insert(db, 'person', {
        organisation_id: organisation,
        first_name: 'Prénom',
        last_name: 'Nom',
        sex: 'woman',
        referral_kind: 'spontaneous',
        referral_received_on: '2023-01-01',
        phase: entry ? 'pre_hire' : 'intake',
        phase_since: entry ?? '2023-01-01',
        pre_hire_entry: entry,
        ...extra,
      });
      if (entry) await event(organisation, id, entry, 'enter_pre_hire', 'intake', 'pre_hire');
      return id;
    };
    const event = async (
      organisation: string,
      personId: string,
      date: string,
      transition: string,
      from: string,
      to: string,
      reason: string | null = null,
    ) => {
      seq += 1;
      await insert(db, 'trajectory_event', {
        organisation_id: organisation,
        person_id: personId,
        date,
        at: `${date}T12:00:00.${String(seq).padStart(3, '0')}Z`,
        transition_id: transition,
        from_phase: from,
        to_phase: to,
        reason,
      });
    };
    const hire = async (organisation: string, personId: string, hiring: string, followUp: string) => {
      await event(organisation, personId, hiring, 'start_hiring', 'pre_hire', 'hiring');
      await event(organisation, personId, followUp, 'start_follow_up', 'hiring', 'follow_up');
    };
    const contract = (organisation: string, personId: string, values: Values) =>
      insert(db, 'contract', {
        organisation_id: organisation,
        person_id: personId,
        employer_id: employer,
        job_title: 'Magasinier',
        ...values,
      });
    const contact = async (
      organisation: string,
      personId: string,
      date: string,
      channel: string,
      present = true,
    ) => {
      const id = await insert(db, 'contact', { organisation_id: organisation, date, channel });
      await insert(db, 'contact_person', {
        contact_id: id,
        organisation_id: organisation,
        person_id: personId,
        present,
      });
      return id;
    };
    const introduce = async (organisation: string, personId: string, steps: [string, string][]) => {
      const presentation = await insert(db, 'presentation', {
        organisation_id: organisation,
        person_id: personId,
        vacancy_id: vacancies.get(organisation),
        step: steps.at(-1)![0],
      });
      for (const [step, date] of steps) {
        await insert(db, 'presentation_step', {
          organisation_id: organisation,
          presentation_id: presentation,
          step,
          date,
          channel: step === 'introduced' ? 'phone' : null,
        });
      }
    };

    // ---- Cohort 2024 T1 (organisation A) ----
    // P1: CDD signed 22 days after entry, converted to a CDI: employed at 6 and 12 months.
    const p1 = await person(orgA, '2024-01-10');
    await hire(orgA, p1, '2024-02-01', '2024-02-05');
    const p1cdd = await contract(orgA, p1, {
      type: 'cdd',
      signed_on: '2024-02-01',
      start_on: '2024-02-05',
      planned_end_on: '2024-05-31',
      actual_end_on: '2024-05-31',
      end_reason: 'converted_to_cdi',
    });
    await contract(orgA, p1, {
      type: 'cdi',
      signed_on: '2024-05-25',
      start_on: '2024-06-01',
      converted_from_contract_id: p1cdd,
    });
    await contact(orgA, p1, '2024-06-05', 'phone');
    await introduce(orgA, p1, [
      ['proposed', '2024-01-20'],
      ['applied', '2024-01-22'],
      ['introduced', '2024-01-25'],
      ['hired', '2024-02-01'],
    ]);

    // P2: interim signed after 126 days, ended at its term; a new CDD afterwards (a rebound).
    const p2 = await person(orgA, '2024-01-15');
    await hire(orgA, p2, '2024-05-20', '2024-05-21');
    const p2interim = await contract(orgA, p2, {
      type: 'interim',
      signed_on: '2024-05-20',
      start_on: '2024-05-21',
      planned_end_on: '2024-08-20',
      actual_end_on: '2024-08-20',
      end_reason: 'term_reached',
    });
    // The arrangement's frequency (21 days) replaces the organisation's 14 days in month 2.
    await insert(db, 'follow_up_arrangement', {
      organisation_id: orgA,
      person_id: p2,
      contract_id: p2interim,
      frequency: JSON.stringify([{ untilMonth: 6, days: 21 }]),
    });
    await contract(orgA, p2, {
      type: 'cdd',
      signed_on: '2024-09-01',
      start_on: '2024-09-02',
      planned_end_on: '2025-06-30',
    });
    await contact(orgA, p2, '2024-06-10', 'office_meeting');
    await introduce(orgA, p2, [
      ['introduced', '2024-03-15'],
      ['refused', '2024-03-20'],
    ]);
    await introduce(orgA, p2, [['introduced', '2024-04-01']]);

    // P3: a job before the entry (not counted), no contract since; left on 10 September 2024.
    const p3 = await person(orgA, '2024-02-29');
    await contract(orgA, p3, {
      type: 'cdd',
      signed_on: '2023-11-01',
      start_on: '2023-11-01',
      planned_end_on: '2023-12-31',
      actual_end_on: '2023-12-31',
      end_reason: 'term_reached',
    });
    await event(orgA, p3, '2024-09-10', 'exit', 'pre_hire', 'exited', 'left_voluntarily');
    await contact(orgA, p3, '2024-06-22', 'office_meeting');
    await contact(orgA, p3, '2024-06-29', 'group_session');
    await contact(orgA, p3, '2024-06-29', 'phone', false);
    await introduce(orgA, p3, [
      ['proposed', '2024-03-01'],
      ['discussed', '2024-03-02'],
      ['applied', '2024-03-03'],
    ]);

    // P4: a CDI signed on the entry day, dismissal; an immersion covering month 6 is no job.
    const p4 = await person(orgA, '2024-03-31');
    await hire(orgA, p4, '2024-03-31', '2024-04-02');
    await contract(orgA, p4, {
      type: 'cdi',
      signed_on: '2024-03-31',
      start_on: '2024-04-02',
      actual_end_on: '2024-06-15',
      end_reason: 'dismissal',
    });
    await event(orgA, p4, '2024-06-16', 'return_to_pre_hire', 'follow_up', 'pre_hire', 'dismissal');
    await contract(orgA, p4, {
      type: 'immersion',
      signed_on: '2024-04-20',
      start_on: '2024-04-22',
      planned_end_on: '2024-10-31',
    });
    await contact(orgA, p4, '2024-06-01', 'phone');
    await event(orgA, p4, '2024-12-01', 'exit', 'pre_hire', 'exited', 'redirected');

    // P5: a job the coach heard of (hand-entered, open-ended CDI) 134 days after entry.
    const p5 = await person(orgA, '2024-03-20');
    await insert(db, 'employment_period', {
      organisation_id: orgA,
      person_id: p5,
      kind: 'cdi',
      start_on: '2024-08-01',
    });
    await contact(orgA, p5, '2024-06-25', 'video');
    await introduce(orgA, p5, [['introduced', '2024-07-10']]);

    // Outside the cohorts: entered in 2023 T4 (P9, P12) and in 2025 (P8); one deleted person; one
    // person still in intake; one person of organisation C.
    const p9 = await person(orgA, '2023-12-31');
    await contact(orgA, p9, '2024-06-28', 'phone');
    const p12 = await person(orgA, '2023-10-01');
    await event(orgA, p12, '2024-05-01', 'exit', 'pre_hire', 'exited', 'moved_away');
    await introduce(orgA, p12, [
      ['introduced', '2023-11-01'],
      ['refused', '2023-11-10'],
    ]);
    await introduce(orgA, p12, [['introduced', '2024-02-01']]);
    const p8 = await person(orgA, '2025-01-05');
    await contract(orgA, p8, { type: 'cdi', signed_on: '2025-01-10', start_on: '2025-01-10' });
    const deleted = await person(orgA, '2024-05-01', { deleted_at: '2024-12-01T00:00:00Z' });
    await contract(orgA, deleted, { type: 'cdi', signed_on: '2024-05-02', start_on: '2024-05-02' });
    await person(orgA, null);
    const other = await person(orgC, '2024-05-01');
    await contract(orgC, other, { type: 'cdi', signed_on: '2024-05-02', start_on: '2024-05-02' });

    // ---- Cohort 2024 T2 ----
    // P6 (organisation B): a CDD whose planned end passed without a recorded end; consolidated exit.
    const p6 = await person(orgB, '2024-04-10');
    await hire(orgB, p6, '2024-04-20', '2024-05-01');
    await contract(orgB, p6, {
      type: 'cdd',
      signed_on: '2024-04-20',
      start_on: '2024-05-01',
      planned_end_on: '2024-10-31',
    });
    await event(orgB, p6, '2024-11-05', 'exit', 'follow_up', 'exited', 'consolidated_insertion');
    await contact(orgB, p6, '2024-06-20', 'visit');
    await introduce(orgB, p6, [['introduced', '2024-04-15']]);

    // P7: entered on the period's last day; an exit dated after today is not counted.
    const p7 = await person(orgA, '2024-06-30');
    await event(orgA, p7, '2025-03-20', 'exit', 'pre_hire', 'exited', 'other');

    // P10: a CDD renewed (continued), then ended at its term; a new CDD later (a rebound).
    const p10 = await person(orgA, '2024-05-15');
    await hire(orgA, p10, '2024-06-01', '2024-06-03');
    const p10first = await contract(orgA, p10, {
      type: 'cdd',
      signed_on: '2024-06-01',
      start_on: '2024-06-03',
      planned_end_on: '2024-06-30',
      actual_end_on: '2024-06-30',
      end_reason: 'renewed',
    });
    await contract(orgA, p10, {
      type: 'cdd',
      signed_on: '2024-06-25',
      start_on: '2024-07-01',
      planned_end_on: '2024-12-31',
      actual_end_on: '2024-12-31',
      end_reason: 'term_reached',
      converted_from_contract_id: p10first,
    });
    await contract(orgA, p10, {
      type: 'cdd',
      signed_on: '2025-01-10',
      start_on: '2025-01-20',
      planned_end_on: '2025-07-19',
    });
    await contact(orgA, p10, '2024-06-24', 'visit');
    await contact(orgA, p10, '2024-06-29', 'phone', false);
    await introduce(orgA, p10, [
      ['proposed', '2024-05-20'],
      ['introduced', '2024-05-29'],
    ]);

    // P14 (organisation B): in pre-hire since 1 June, seen on 21 June (10-day cadence of B).
    const p14 = await person(orgB, '2024-06-01');
    await contact(orgB, p14, '2024-06-21', 'office_meeting');
    await introduce(orgB, p14, [['introduced', '2024-06-10']]);

    // Employer contacts: A has 39 direct ones in the period, B 13, C 5; others do not count.
    const employerContacts = async (organisation: string, count: number, first: string, channel: string) => {
      await sql`
        INSERT INTO contact (organisation_id, employer_id, date, channel, purpose)
        SELECT ${organisation}::uuid, ${employer}::uuid, ${first}::date + (i % 150), ${channel}, 'canvassing'
        FROM generate_series(0, ${count - 1}::int) AS i`.execute(db);
    };
    await employerContacts(orgA, 20, '2024-01-01', 'visit');
    await employerContacts(orgA, 19, '2024-01-05', 'phone');
    await employerContacts(orgA, 4, '2024-02-01', 'letter_email');
    await employerContacts(orgA, 1, '2023-12-31', 'phone');
    await employerContacts(orgA, 1, '2024-07-01', 'visit');
    await employerContacts(orgB, 13, '2024-01-01', 'phone');
    await employerContacts(orgC, 5, '2024-01-01', 'visit');

    tables = await computeOutcomeTables(db, { organisationIds: [orgA, orgB], ...PERIOD, today: TODAY });
  });

  afterAll(async () => {
    await handle?.close();
  });

  const table = (id: string) => tables.find((t) => t.id === id);

  it('gives the three tables with columns whose basis names a persons column', () => {
    expect(tables.map((t) => t.id)).toEqual(['outcomes_cohorts', 'outcomes_exits', 'practice_indicators']);
    for (const t of tables) {
      for (const column of t.columns) {
        if (column.kind === 'percent' || column.kind === 'days') {
          expect(t.columns.find((c) => c.key === column.basis)?.kind, `${t.id}.${column.key}`).toBe(
            'persons',
          );
        }
      }
    }
  });

  it('computes every cohort cell, censored at today', () => {
    const t = table('outcomes_cohorts');
    expect(t?.rows.map((r) => [r.key, r.label, r.total ?? false])).toEqual([
      ['2024-Q1', '2024 T1', false],
      ['2024-Q2', '2024 T2', false],
      ['total', 'Ensemble', true],
    ]);
    expect(cells(t, '2024-Q1')).toEqual({
      entered: 5,
      contract_3m: 40,
      contract_6m: 80,
      // P4 (entered 31 March 2024) and P5 (20 March 2024) are not observed 12 months yet.
      contract_12m: 66.7,
      hired: 4,
      median_days_first_contract: 74,
      employed_6m_after_hire: 75,
      employed_12m_after_hire: 100,
      cdi_share: 50,
      cdd_converted: 1,
      rebounds: 1,
    });
    // P6, P7, P10 and P14 (who has no contract).
    expect(cells(t, '2024-Q2')).toEqual({
      entered: 4,
      contract_3m: 50,
      contract_6m: 50,
      contract_12m: null,
      hired: 2,
      median_days_first_contract: 13.5,
      employed_6m_after_hire: 50,
      employed_12m_after_hire: null,
      cdi_share: 0,
      cdd_converted: 0,
      rebounds: 1,
    });
    expect(cells(t, 'total')).toEqual({
      entered: 9,
      contract_3m: 44.4,
      contract_6m: 66.7,
      contract_12m: 66.7,
      hired: 6,
      median_days_first_contract: 19.5,
      employed_6m_after_hire: 66.7,
      employed_12m_after_hire: 100,
      cdi_share: 33.3,
      cdd_converted: 1,
      rebounds: 2,
    });
  });

  it('counts exits by reason per cohort, up to today', () => {
    const t = table('outcomes_exits');
    const zero = {
      consolidated_insertion: 0,
      left_voluntarily: 0,
      time_limit_reached: 0,
      redirected: 0,
      moved_away: 0,
      other: 0,
    };
    expect(cells(t, '2024-Q1')).toEqual({
      ...zero,
      entered: 5,
      left_voluntarily: 1,
      redirected: 1,
      exited: 2,
      still_coached: 3,
    });
    expect(cells(t, '2024-Q2')).toEqual({
      ...zero,
      entered: 4,
      consolidated_insertion: 1,
      exited: 1,
      still_coached: 3,
    });
    expect(cells(t, 'total')).toEqual({
      ...zero,
      entered: 9,
      consolidated_insertion: 1,
      left_voluntarily: 1,
      redirected: 1,
      exited: 3,
      still_coached: 6,
    });
  });

  it('computes the practice indicators per organisation and in total', () => {
    const t = table('practice_indicators');
    expect(t?.rows.map((r) => [r.key, r.label])).toEqual([
      [orgA, 'CPAS A'],
      [orgB, 'OISP B'],
      ['total', 'Ensemble'],
    ]);
    // On 30 June 2024, A has 8 persons in pre-hire, hiring or follow-up (P1, P2, P3, P4, P5, P7,
    // P9, P10); 6 are within their interval (P3 and P4 are overdue). B has P6 (overdue: 7 days
    // after month 1) and P14 (within 10 days).
    expect(cells(t, orgA)).toEqual({
      active_persons: 8,
      coach_fte: 1.5,
      caseload_per_fte: 5.33,
      employer_contacts: 39,
      employer_contacts_per_fte_week: 1,
      presented: 3,
      median_days_first_presentation: 15,
      on_cadence_share: 75,
    });
    expect(cells(t, orgB)).toEqual({
      active_persons: 2,
      coach_fte: 0.8,
      caseload_per_fte: 2.5,
      employer_contacts: 13,
      employer_contacts_per_fte_week: 0.63,
      presented: 2,
      median_days_first_presentation: 7,
      on_cadence_share: 50,
    });
    expect(cells(t, 'total')).toEqual({
      active_persons: 10,
      coach_fte: 2.3,
      caseload_per_fte: 4.35,
      employer_contacts: 52,
      employer_contacts_per_fte_week: 0.87,
      presented: 5,
      median_days_first_presentation: 14,
      on_cadence_share: 70,
    });
  });

  it('moves the censoring with today', async () => {
    // On 5 April 2025, P4 (entered 31 March 2024) and P5 (20 March 2024) have been observed 12
    // months too: 4 of the 5 had a contract within 12 months (all but P3).
    const later = await computeOutcomeTables(handle.db, {
      organisationIds: [orgA, orgB],
      ...PERIOD,
      today: '2025-04-05',
    });
    expect(cells(later[0], '2024-Q1').contract_12m).toBe(80);
    // Early on, nobody is observed 12 months and a cohort's later contracts are not known yet.
    const early = await computeOutcomeTables(handle.db, {
      organisationIds: [orgA, orgB],
      ...PERIOD,
      today: '2024-06-30',
    });
    expect(cells(early[0], '2024-Q1')).toMatchObject({
      entered: 5,
      contract_3m: 40,
      contract_6m: null,
      contract_12m: null,
      hired: 3,
      median_days_first_contract: 22,
    });
  });

  it('does calendar-month arithmetic in SQL exactly as the domain does', async () => {
    const day = fc.integer({ min: 0, max: 15_000 }).map((n) => addDays('1995-01-01', n));
    const samples = fc.sample(
      fc.tuple(day, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 24 })),
      300,
    );
    // Month ends and leap days, where clamping matters.
    samples.push(
      ['2024-01-31', 29, 1],
      ['2024-08-31', 181, 6],
      ['2024-02-29', 366, 12],
      ['2023-03-31', 0, 0],
    );
    const rows = sql.join(
      samples.map(([a, span, n]) => sql`(${a}::date, ${addDays(a, span)}::date, ${n}::int)`),
    );
    const result = await sql<{ a: string; b: string; n: number; plus: string; months: number }>`
      SELECT v.a::text AS a, v.b::text AS b, v.n,
        ${plusMonths(sql.ref('v.a'), sql.ref('v.n'))}::text AS plus,
        ${wholeMonths(sql.ref('v.a'), sql.ref('v.b'))} AS months
      FROM (VALUES ${rows}) AS v(a, b, n)`.execute(handle.db);
    expect(result.rows).toHaveLength(samples.length);
    for (const r of result.rows) {
      expect(r.plus, `${r.a} + ${r.n} months`).toBe(addMonths(r.a, r.n));
      expect(r.months, `${r.a} → ${r.b}`).toBe(monthsBetween(r.a, r.b));
    }
  });

  it('keeps to the organisations asked for', async () => {
    const onlyB = await computeOutcomeTables(handle.db, {
      organisationIds: [orgB],
      ...PERIOD,
      today: TODAY,
    });
    expect(cells(onlyB[0], 'total')).toMatchObject({ entered: 2, hired: 1 });
    expect(onlyB[2]?.rows.map((r) => r.key)).toEqual([orgB, 'total']);
  });
});

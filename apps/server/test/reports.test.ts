import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testTargets } from '@jobcoach/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDatabase } from '../src/application/database.ts';
import { executeForInstallation, InstallationContext } from '../src/application/installation.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { parseReportArgs, produceReport, writeReport } from '../src/cli/report.ts';
import { XLSX_FIRST_ROW } from '../src/reports/export-xlsx.ts';
import { readSteeringReport } from '../src/reports/use-cases/steering-report.ts';
import {
  PILOT_EXPECTED,
  PILOT_FROM,
  PILOT_PROFILE,
  PILOT_PROJECTS,
  PILOT_TO,
  type PilotUsers,
  seedPilot2002,
} from './fixtures/pilot-2002.ts';
import {
  type Client,
  loginAs,
  ManualClock,
  PASSWORD,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';
import { pdfText, squash } from './pdf-text.ts';

type Value = number | '< 5' | null;
interface Table {
  id: string;
  title: string;
  columns: { key: string; label: string; kind: string; basis?: string }[];
  rows: {
    key: string;
    label: string;
    group?: string;
    total?: boolean;
    kind?: string;
    values: Record<string, Value>;
  }[];
}

/** The expected column percentage, computed here by plain arithmetic (one decimal). */
const pct = (part: number, whole: number) => Number(((100 * part) / whole).toFixed(1));

describe.each(testTargets())('steering committee report on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let pilot: PilotUsers;
  let period: string;
  let allSix: string;
  const org = (key: string) => pilot.organisations.find((o) => o.key === key)!;

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin } = await setupInstallation(t, 'Installation wallonne'));
    pilot = await seedPilot2002(t.handle.db, await hashPassword(PASSWORD));
    period = `from=${PILOT_FROM}&to=${PILOT_TO}`;
    allSix = pilot.organisations.map((o) => o.id).join(',');
  });
  afterAll(() => t?.close());

  const download = async (client: Client, url: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: client.cookie ? { cookie: client.cookie } : {},
    });
    return { status: res.statusCode, body: res.rawPayload, headers: res.headers, json: () => res.json() };
  };
  const tableOf = (json: { tables: Table[] }, id: string) => json.tables.find((x) => x.id === id)!;
  const row = (table: Table, key: string) => table.rows.find((r) => r.key === key)!;

  it('reproduces the 2002 headline: 491 employers, 311 persons coached, 152 contracts (62 CDI, 90 CDD)', async () => {
    const res = await admin.get(`/api/reports/steering?${period}&organisationIds=${allSix}`);
    expect(res.status).toBe(200);
    expect(res.json.aggregatesOnly).toBe(false);
    expect(res.json.organisations).toHaveLength(6);
    expect(res.json.headline).toEqual({
      employersContacted: 491,
      personsCoached: 311,
      contractsSigned: 152,
      cdi: 62,
      cdd: 90,
      otherContracts: PILOT_EXPECTED.otherContracts,
    });
    const bySex = tableOf(res.json, 'by_sex');
    expect(row(bySex, 'contracts_cdi').values).toMatchObject({ men: 31, women: 31, total: 62 });
    expect(row(bySex, 'contracts_cdd').values).toMatchObject({ men: 55, women: 35, total: 90 });
    expect(row(bySex, 'contracts_total').values).toMatchObject({ men: 86, women: 66, total: 152 });
    // Column percentages within each sex (the 2002 report printed 32.2 % and 45.3 % here: slips).
    expect(row(bySex, 'contracts_cdi').values).toMatchObject({
      men_pct: pct(31, 86),
      women_pct: pct(31, 66),
      total_pct: pct(62, 152),
    });
    expect(row(bySex, 'contracts_cdd').values.men_pct).toBe(pct(55, 86));
    expect(row(bySex, 'contracts_cdd').values.women_pct).toBe(pct(35, 66));

    // The profile of the persons coached, cell by cell, against the generator's distributions.
    const men = PILOT_EXPECTED.men;
    const women = PILOT_EXPECTED.women;
    for (const [group, dist] of Object.entries(PILOT_PROFILE)) {
      for (const [item, cell] of Object.entries(dist as Record<string, { man: number; woman: number }>)) {
        const values = row(bySex, `${group}_${item}`).values;
        expect(values).toEqual({
          men: cell.man,
          women: cell.woman,
          not_stated: 0,
          total: cell.man + cell.woman,
          men_pct: pct(cell.man, men),
          women_pct: pct(cell.woman, women),
          total_pct: pct(cell.man + cell.woman, men + women),
        });
      }
      expect(row(bySex, `${group}_total`).values).toMatchObject({ men, women, total: 311, total_pct: 100 });
      expect(row(bySex, `${group}_not_stated`).values.total).toBe(0);
    }

    // Per organisation, and per FTE (6 FTE: ≈52 coached, ≈81 employers, >25 contracts each).
    const byOrg = tableOf(res.json, 'by_organisation');
    for (const project of PILOT_PROJECTS) {
      const cdi = project.contracts.cdi.man + project.contracts.cdi.woman;
      const cdd = project.contracts.cdd.man + project.contracts.cdd.woman;
      expect(row(byOrg, org(project.key).id).values).toEqual({
        coached: project.coached.man + project.coached.woman,
        employers: project.employers,
        contracts: cdi + cdd,
        cdi,
        cdd,
        fte: project.coaches.reduce((a, b) => a + b, 0),
      });
    }
    const perCoach = row(tableOf(res.json, 'per_coach'), 'total').values;
    expect(perCoach).toEqual({
      fte: 6,
      coached: 311,
      coached_per_fte: Number((311 / 6).toFixed(2)),
      employers_per_fte: Number((491 / 6).toFixed(2)),
      contracts_per_fte: Number((152 / 6).toFixed(2)),
    });
    const others = tableOf(res.json, 'other_contracts');
    expect(row(others, 'art_60_7').values.count).toBe(3);
    expect(row(others, 'interim').values.count).toBe(4);
    // The longitudinal tables follow the steering ones.
    const ids = res.json.tables.map((x: Table) => x.id);
    expect(ids.slice(0, 5)).toEqual([
      'headline',
      'by_sex',
      'other_contracts',
      'by_organisation',
      'per_coach',
    ]);
    expect(ids.some((id: string) => id.startsWith('outcomes_'))).toBe(true);
  });

  it('covers the whole installation with all=true and one organisation by default', async () => {
    const all = await admin.get(`/api/reports/steering?${period}&all=true`);
    expect(all.status).toBe(200);
    expect(all.json.organisations).toHaveLength(7); // the six pilots and the installation's own
    expect(all.json.headline.personsCoached).toBe(311);
    expect(all.json.headline.employersContacted).toBe(491);

    const coordinator = await loginAs(t, org('fleurus').coordinatorEmail);
    const own = await coordinator.get(`/api/reports/steering?${period}`);
    expect(own.status).toBe(200);
    expect(own.json.organisations).toEqual([{ id: org('fleurus').id, name: 'CPAS de Fleurus' }]);
    expect(own.json.aggregatesOnly).toBe(false);
    expect(own.json.headline).toMatchObject({ personsCoached: 53, employersContacted: 37, cdi: 25, cdd: 12 });
    const scopes = await coordinator.get('/api/reports/scopes');
    expect(scopes.json).toEqual([{ id: org('fleurus').id, name: 'CPAS de Fleurus', role: 'coordinator' }]);
  });

  it('counts an employer contacted by two organisations once in the whole', async () => {
    // A second organisation in Namur's basin visits one of FORMA's employers in the period.
    const basin = await t.handle.db
      .selectFrom('basin')
      .select('id')
      .where('name', '=', 'Namur')
      .executeTakeFirstOrThrow();
    const other = await t.handle.db
      .insertInto('organisation')
      .values({ name: 'Mission régionale de Namur', kind: 'mission_regionale', basin_id: basin.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const shared = await t.handle.db
      .selectFrom('contact')
      .select('employer_id')
      .where('employer_id', 'is not', null)
      .where('organisation_id', '=', org('forma').id)
      .where('direct', '=', true)
      .where('date', '>=', PILOT_FROM)
      .where('date', '<=', PILOT_TO)
      .executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('contact')
      .values({
        organisation_id: other.id,
        employer_id: shared.employer_id,
        date: '2002-05-06',
        channel: 'visit',
        purpose: 'canvassing',
      })
      .execute();
    const res = await admin.get(
      `/api/reports/steering?${period}&organisationIds=${org('forma').id},${other.id}`,
    );
    const byOrg = tableOf(res.json, 'by_organisation');
    expect(row(byOrg, org('forma').id).values.employers).toBe(170);
    expect(row(byOrg, other.id).values.employers).toBe(1);
    expect(row(byOrg, 'total').values.employers).toBe(170);
    expect(res.json.headline.employersContacted).toBe(170);
  });

  it('exports the same numbers as XLSX (numbers stored as numbers), CSV and PDF, and audits each export', async () => {
    const json = (await admin.get(`/api/reports/steering?${period}&organisationIds=${allSix}`)).json as {
      tables: Table[];
    };
    const xlsx = await download(admin, `/api/reports/steering.xlsx?${period}&organisationIds=${allSix}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="rapport-comite-2002-03-01_2002-12-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Rapport')).toBeDefined();
    for (const table of json.tables.slice(0, 5)) {
      const sheet = workbook.getWorksheet(table.id)!;
      expect(sheet, table.id).toBeDefined();
      table.rows.forEach((r, i) => {
        const line = sheet.getRow(XLSX_FIRST_ROW + i);
        expect(line.getCell(2).value).toBe(r.label);
        table.columns.forEach((c, j) => {
          const cell = line.getCell(j + 3).value;
          const expected = r.values[c.key];
          if (typeof expected === 'number') expect(typeof cell).toBe('number');
          expect(cell ?? null).toBe(expected ?? null);
        });
      });
    }
    const headlineSheet = workbook.getWorksheet('headline')!;
    expect(headlineSheet.getRow(XLSX_FIRST_ROW).getCell(3).value).toBe(491);

    const csv = await download(admin, `/api/reports/steering.csv?${period}&organisationIds=${allSix}`);
    expect(csv.status).toBe(200);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const sections = parseCsvSections(text);
    for (const table of json.tables) {
      const lines = sections.get(table.id)!;
      expect(lines, table.id).toBeDefined();
      table.rows.forEach((r, i) => {
        const cells = lines[i]!;
        expect(cells[1]).toBe(r.label);
        table.columns.forEach((c, j) => {
          const expected = r.values[c.key] ?? null;
          const raw = cells[j + 2] ?? '';
          const parsed = raw === '' ? null : raw === '< 5' ? '< 5' : Number(raw.replace(',', '.'));
          if (typeof expected === 'number') expect(parsed).toBeCloseTo(expected, 6);
          else expect(parsed).toBe(expected);
        });
      });
    }

    const pdf = await download(admin, `/api/reports/steering.pdf?${period}&organisationIds=${allSix}`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const words = pdfText(pdf.body);
    for (const expected of [
      'Rapport au comité de pilotage',
      'Période du 01/03/2002 au 31/12/2002',
      'Employeurs contactés (contact direct et personnel)491',
      'Personnes coachées311',
      'Contrats signés (CDI et CDD)152',
      'dont CDI62',
      'dont CDD90',
      'Moins de 25 ans',
      // Women, women %, men, men %, total, total %, not stated.
      'CDI3147,03136,06240,80',
      'CDD3553,05564,09059,20',
      'CPAS de Fleurus',
      'Définitions',
      'page 1 /',
    ]) {
      expect(words, expected).toContain(squash(expected));
    }

    const audits = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'details'])
      .where('action', '=', 'report.export')
      .execute();
    const formats = audits.map((a) => (a.details as { format: string }).format);
    expect(formats).toEqual(expect.arrayContaining(['xlsx', 'csv', 'pdf']));
  });

  it('shows an evaluator aggregates only: "< 5" for small cells everywhere, nothing recoverable from shares', async () => {
    const evaluator = await loginAs(t, pilot.evaluatorEmail);
    const scopes = await evaluator.get('/api/reports/scopes');
    expect(scopes.json).toHaveLength(6);
    expect(scopes.json.every((s: { role: string }) => s.role === 'evaluator')).toBe(true);

    for (const key of ['res', 'fleurus', 'forma']) {
      const url = `/api/reports/steering?${period}&organisationIds=${org(key).id}`;
      const exact = (await admin.get(url)).json as { tables: Table[]; aggregatesOnly: boolean };
      const seen = await evaluator.get(url);
      expect(seen.status).toBe(200);
      expect(seen.json.aggregatesOnly).toBe(true);
      (seen.json.tables as Table[]).forEach((table, ti) => {
        const exactTable = exact.tables[ti]!;
        table.rows.forEach((r, ri) => {
          for (const c of table.columns) {
            const kind = (c.kind === 'persons' || c.kind === 'count') && r.kind ? r.kind : c.kind;
            const v = r.values[c.key];
            const truth = exactTable.rows[ri]!.values[c.key];
            if (kind === 'persons') {
              // No count of 1 to 4 persons is shown; every small one is marked.
              expect(typeof v === 'number' && v >= 1 && v <= 4, `${table.id} ${r.key} ${c.key}`).toBe(false);
              if (typeof truth === 'number' && truth >= 1 && truth <= 4) expect(v).toBe('< 5');
            }
            if (c.basis && r.values[c.basis] === '< 5' && truth !== null) expect(v).toBe('< 5');
            if (v !== '< 5') expect(v).toEqual(truth);
          }
        });
      });
    }

    // RES Herstal: 2 CDI signed by women → hidden, with the share computed on them.
    const res = await evaluator.get(`/api/reports/steering?${period}&organisationIds=${org('res').id}`);
    const contractsCdi = row(tableOf(res.json, 'by_sex'), 'contracts_cdi').values;
    expect(contractsCdi.women).toBe('< 5');
    expect(contractsCdi.women_pct).toBe('< 5');
    // The men's 5 would give the women's 2 back from the total of 7: it is hidden too.
    expect(contractsCdi.men).toBe('< 5');

    // The exports carry the same marks.
    const xlsx = await download(
      evaluator,
      `/api/reports/steering.xlsx?${period}&organisationIds=${org('res').id}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const bySex = tableOf(res.json, 'by_sex');
    const sheet = workbook.getWorksheet('by_sex')!;
    const r = bySex.rows.findIndex((x) => x.key === 'contracts_cdi');
    const womenColumn = bySex.columns.findIndex((c) => c.key === 'women');
    expect(sheet.getRow(XLSX_FIRST_ROW + r).getCell(womenColumn + 3).value).toBe('< 5');
    const csv = await download(
      evaluator,
      `/api/reports/steering.csv?${period}&organisationIds=${org('res').id}`,
    );
    const cdiLine = parseCsvSections(csv.body.toString('utf8')).get('by_sex')![r]!;
    expect(cdiLine[womenColumn + 2]).toBe('< 5');
    const pdf = await download(
      evaluator,
      `/api/reports/steering.pdf?${period}&organisationIds=${org('res').id}`,
    );
    expect(pdfText(pdf.body)).toContain(squash('CDI< 5< 5< 5< 5'));
  });

  it('refuses an evaluator every person-level route (403)', async () => {
    const evaluator = await loginAs(t, pilot.evaluatorEmail);
    const me = await evaluator.get('/api/auth/me');
    const orgId = me.json.currentOrganisationId as string;
    const person = await t.handle.db
      .selectFrom('person')
      .select('id')
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const contract = await t.handle.db
      .selectFrom('contract')
      .select('id')
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const personLevel = t.app.routeTable.filter(
      (r) =>
        r.method === 'GET' &&
        /^\/api\/(persons|contracts|presentations|my-day|absences)(\/|$)|^\/api\/vacancies\/:id\/matches$/.test(
          r.url,
        ),
    );
    expect(personLevel.length).toBeGreaterThanOrEqual(10);
    for (const route of personLevel) {
      const url = route.url
        .replace(/^\/api\/persons\/:id/, `/api/persons/${person.id}`)
        .replace(/^\/api\/contracts\/:id/, `/api/contracts/${contract.id}`)
        .replace(/:id/g, crypto.randomUUID());
      const res = await evaluator.get(url);
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('refuses a jobcoach (403), hides other organisations (404) and names bad fields in French (400)', async () => {
    const coach = await loginAs(t, org('fleurus').jobcoachEmails[0]!);
    expect((await coach.get(`/api/reports/steering?${period}`)).status).toBe(403);
    expect((await coach.get(`/api/reports/steering.xlsx?${period}`)).status).toBe(403);
    expect((await coach.get('/api/reports/scopes')).json).toEqual([]);
    expect((await coach.get(`/api/reports/steering?${period}&all=true`)).status).toBe(403);

    const other = await loginAs(t, org('res').coordinatorEmail);
    for (const ids of [org('fleurus').id, `${org('res').id},${org('fleurus').id}`, crypto.randomUUID()]) {
      const res = await other.get(`/api/reports/steering?${period}&organisationIds=${ids}`);
      expect(res.status).toBe(404);
      expect(
        (await download(other, `/api/reports/steering.pdf?${period}&organisationIds=${ids}`)).status,
      ).toBe(404);
    }
    // all=true is the caller's own organisations only.
    const mine = await other.get(`/api/reports/steering?${period}&all=true`);
    expect(mine.json.organisations).toEqual([{ id: org('res').id, name: 'RES Herstal' }]);

    const bad = [
      ['from=2002-13-01&to=2002-12-31', 'from'],
      ['from=2002-03-01&to=2002-02-28', 'to'],
      ['from=2002-03-01&to=2012-03-01', 'to'],
      ['to=2002-12-31', 'from'],
      [`${period}&organisationIds=abc`, 'organisationIds'],
      [`${period}&all=yes`, 'all'],
    ] as const;
    for (const [query, field] of bad) {
      const res = await other.get(`/api/reports/steering?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.error.field, query).toBe(field);
      expect(res.json.error.message, query).toMatch(/«/);
    }
  });

  it('refuses a report naming an organisation that requires a second factor the reader has not enabled', async () => {
    // Through the use case itself: the session of such a reader is stopped before any route.
    const evaluator = await t.handle.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', pilot.evaluatorEmail)
      .executeTakeFirstOrThrow();
    const ctx = InstallationContext.create(
      { database: new AppDatabase(t.handle.db), clock: t.clock },
      { userId: evaluator.id, role: null, clientAddress: null },
    );
    const query = { from: PILOT_FROM, to: PILOT_TO, currentOrganisationId: null };
    const both = `${org('fleurus').id},${org('res').id}`;
    await t.handle.db
      .updateTable('organisation')
      .set({ require_totp: true })
      .where('id', '=', org('res').id)
      .execute();
    try {
      await expect(
        executeForInstallation(ctx, readSteeringReport, { ...query, organisationIds: both }),
      ).rejects.toMatchObject({ statusCode: 403, code: 'totp_enrolment_required' });
      const fleurus = await executeForInstallation(ctx, readSteeringReport, {
        ...query,
        organisationIds: org('fleurus').id,
      });
      expect(fleurus.organisations).toEqual([{ id: org('fleurus').id, name: org('fleurus').name }]);
    } finally {
      await t.handle.db
        .updateTable('organisation')
        .set({ require_totp: false })
        .where('id', '=', org('res').id)
        .execute();
    }
  });

  it('writes the report in each format from the command line, read as the installation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobcoach-report-'));
    const clock = new ManualClock();
    clock.at = Date.parse('2003-02-06T10:00:00Z');
    const deps = { database: new AppDatabase(t.handle.db), clock };
    try {
      for (const format of ['json', 'csv', 'xlsx', 'pdf'] as const) {
        const out = join(dir, `rapport.${format}`);
        const command = parseReportArgs([
          '--from',
          PILOT_FROM,
          '--to',
          PILOT_TO,
          ...pilot.organisations.flatMap((o, i) => ['--org', i % 2 === 0 ? o.id : o.name.toUpperCase()]),
          '--format',
          format,
          '--out',
          out,
        ]);
        const result = await produceReport(deps, command);
        expect(writeReport(command, result)).toBe(out);
        expect(result.fileName).toBe(`rapport-comite-2002-03-01_2002-12-31.${format}`);
        const bytes = readFileSync(out);
        if (format === 'json') {
          const doc = JSON.parse(bytes.toString('utf8'));
          expect(doc.aggregatesOnly).toBe(false);
          expect(doc.headline).toMatchObject({
            employersContacted: 491,
            personsCoached: 311,
            contractsSigned: 152,
          });
        } else if (format === 'csv') {
          const headline = parseCsvSections(bytes.toString('utf8')).get('headline')!;
          expect(headline.map((l) => l[2])).toEqual(['491', '311', '152', '62', '90', '11']);
        } else if (format === 'xlsx') {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
          expect(
            workbook
              .getWorksheet('headline')!
              .getRow(XLSX_FIRST_ROW + 1)
              .getCell(3).value,
          ).toBe(311);
        } else {
          expect(pdfText(bytes)).toContain(squash('Personnes coachées311'));
        }
      }
      // Each export is audited as the API's are, as coming from the command line without a user.
      const audits = await t.handle.db
        .selectFrom('audit_log')
        .select(['actor_id', 'organisation_id', 'details'])
        .where('action', '=', 'report.export')
        .execute();
      const fromCli = audits.filter((a) => (a.details as { via?: string }).via === 'cli');
      expect(fromCli.map((a) => (a.details as { format: string }).format)).toEqual([
        'json',
        'csv',
        'xlsx',
        'pdf',
      ]);
      for (const a of fromCli) {
        expect(a).toMatchObject({ actor_id: null, organisation_id: null });
        expect(a.details).toMatchObject({
          from: PILOT_FROM,
          to: PILOT_TO,
          aggregatesOnly: false,
          organisationIds: expect.arrayContaining(pilot.organisations.map((o) => o.id)),
        });
      }
      expect(() => parseReportArgs(['--from', '2002-03-01', '--to', '2002-01-01'])).toThrow(/--to/);
      expect(() =>
        parseReportArgs(['--from', '2002-03-01', '--to', '2002-12-31', '--format', 'doc']),
      ).toThrow(/--format/);
      await expect(
        produceReport(deps, parseReportArgs(['--from', PILOT_FROM, '--to', PILOT_TO, '--org', 'Nulle part'])),
      ).rejects.toThrow(/Nulle part/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Parses the report's CSV (";" separated, quoted text) into its sections' data lines, by table id. */
function parseCsvSections(text: string): Map<string, string[][]> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .map(parseCsvLine);
  const sections = new Map<string, string[][]>();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line[0] !== 'Tableau') continue;
    const rows: string[][] = [];
    for (let j = i + 2; j < lines.length && lines[j]!.length > 1 && lines[j]![0] !== 'Note'; j += 1) {
      rows.push(lines[j]!);
    }
    sections.set(line[1]!, rows);
  }
  return sections;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else {
          value += line[i];
          i += 1;
        }
      }
      cells.push(value);
      i += 1; // the separator
    } else {
      const end = line.indexOf(';', i);
      const stop = end === -1 ? line.length : end;
      cells.push(line.slice(i, stop));
      i = stop + 1;
    }
    if (i > line.length) break;
  }
  return cells;
}

import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvNumber, neutralise, toCsv } from '../src/http/csv.ts';
import { parseCsv } from '../src/imports/csv.ts';
import { addUser, type Client, loginAs, setupInstallation, startTestApp, type TestApp } from './helpers.ts';

/** What a spreadsheet runs as a formula: a cell starting with one of these. */
const FORMULA = /^[=+\-@\t\r]/;

describe('the CSV writer', () => {
  it('neutralises a text cell that a spreadsheet would run, and only those', () => {
    for (const text of ['=1+2', '+32 71 00 00 00', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")']) {
      expect(neutralise(text)).toBe(`'${text}`);
    }
    for (const text of ['CPAS de Fleurus', "'déjà", ' =1', '1+2', '']) expect(neutralise(text)).toBe(text);
  });

  it('keeps numbers numbers, negative ones included, and quotes and neutralises text', () => {
    const csv = toCsv([
      ['=1+2', csvNumber('-3,5'), csvNumber('12'), csvNumber(''), null, 'a "b"'],
      [],
      ['-3,5', csvNumber('=1+2')],
    ]);
    expect(csv).toBe(`\uFEFF"'=1+2";-3,5;12;;"";"a ""b"""\r\n\r\n"'-3,5";"'=1+2"\r\n`);
  });
});

describe.each(testTargets())('reports and the audit log in a spreadsheet, on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  const ORG = '=1+2';
  const USER = '=HYPERLINK("x")';

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin, organisationId: orgId } = await setupInstallation(t));
    // A coordinator renames the organisation, and a user's name is set to a formula.
    const coordinatorId = await addUser(t, orgId, 'carla@fleurus.example', 'coordinator');
    const carla = await loginAs(t, 'carla@fleurus.example');
    const org = (await carla.get(`/api/organisations/${orgId}`)).json;
    expect(
      (await carla.patch(`/api/organisations/${orgId}`, { name: ORG, version: org.version })).status,
    ).toBe(200);
    const members = (await admin.get(`/api/organisations/${orgId}/users`)).json as {
      userId: string;
      version: number;
    }[];
    const carlaMember = members.find((m) => m.userId === coordinatorId)!;
    const renamed = await admin.patch(`/api/organisations/${orgId}/users/${coordinatorId}`, {
      name: USER,
      version: carlaMember.version,
    });
    expect(renamed.status).toBe(200);
    // Something Carla does shows her name in the audit log.
    await loginAs(t, 'carla@fleurus.example');
  });
  afterAll(() => t?.close());

  const download = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie! } });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return res.rawPayload;
  };
  const period = () => `from=${addDays(t.clock.today(), -365)}&to=${t.clock.today()}&organisationIds=`;

  /** Every cell of a CSV file, read back by a CSV parser. */
  const cells = (bytes: Buffer) =>
    parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')).records.flatMap((r) => r.fields);

  it('writes the organisation’s name in the steering CSV as text, not a formula', async () => {
    const all = cells(await download(`/api/reports/steering.csv?${period()}${orgId}`));
    expect(all).toContain(`'${ORG}`);
    expect(all).not.toContain(ORG);
    expect(all.filter((c) => FORMULA.test(c))).toEqual([]);
  });

  it('writes it in the steering workbook as a text cell: exceljs reads the text, no cell is a formula', async () => {
    const bytes = await download(`/api/reports/steering.xlsx?${period()}${orgId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const found: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string' && cell.value.includes(ORG)) found.push(cell);
        });
      });
    });
    expect(found.length).toBeGreaterThan(0);
    for (const cell of found) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
    expect(found.some((c) => c.value === ORG)).toBe(true);
  });

  it('writes the user’s and the organisation’s names in the audit CSV as text, not formulas', async () => {
    const bytes = await download('/api/audit.csv');
    const all = cells(bytes);
    expect(all).toContain(`'${USER}`);
    expect(all).toContain(`'${ORG}`);
    expect(all.filter((c) => FORMULA.test(c))).toEqual([]);
  });
});

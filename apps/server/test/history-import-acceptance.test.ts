import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDatabase } from '../src/application/database.ts';
import { runImportCommand } from '../src/cli/import.ts';
import { addUser, type Client, startTestApp, type TestApp, tableCounts } from './helpers.ts';
import { importHistory, installWithCoordinator, SAMPLE_DIR } from './history-import-helpers.ts';

/** A valid enterprise number built on an 8-digit base. */
function bce(base: number): string {
  const head = String(base).padStart(8, '0');
  return `${head}${String(97 - (Number(head) % 97)).padStart(2, '0')}`;
}

/**
 * An organisation's history of 1,000 rows: 50 employers, 250 persons, 500 events (entry into
 * pre-hire, then hiring or exit), 150 contracts, 50 employer contacts. With `bad`, three rows
 * are wrong: a person's sex, an event's date, a CDI with a planned end.
 */
function history(bad: boolean) {
  const employers = ['external_id;name;bce;commune'];
  for (let i = 0; i < 50; i++) employers.push(`E${i};Entreprise ${i};${bce(2_000_000 + i)};Charleroi`);
  const persons = ['external_id;first_name;last_name;birth_date;sex;studies;referral_date'];
  const events = ['external_id;person_external_id;date;event;reason;employer_external_id'];
  const contracts = ['external_id;person_external_id;employer_external_id;type;start;planned_end;job_title'];
  for (let i = 0; i < 250; i++) {
    const referral = addDays('2019-01-07', i * 3);
    const sex = bad && i === 17 ? 'inconnu' : i % 2 === 0 ? 'Femme' : 'man';
    persons.push(
      `P${i};Prénom${i};Nom${i};1980-01-01;${sex};${['ceb', 'CESI', 'cess', 'autre'][i % 4]};${referral}`,
    );
    const entry = addDays(referral, 14);
    events.push(`V${i}a;P${i};${bad && i === 120 ? '31/02/2020' : entry};enter_pre_hire;;`);
    if (i < 150) {
      events.push(`V${i}b;P${i};${addDays(entry, 60)};start_hiring;;E${i % 50}`);
      const type = bad && i === 99 ? 'cdi' : i % 3 === 0 ? 'cdi' : 'cdd';
      const end = i % 3 === 0 && !(bad && i === 99) ? '' : addDays(entry, 240);
      contracts.push(`C${i};P${i};E${i % 50};${type};${addDays(entry, 70)};${end};Ouvrier`);
    } else {
      events.push(`V${i}b;P${i};${addDays(entry, 200)};exit;Départ volontaire de la personne;`);
    }
  }
  const contacts = ['external_id;employer_external_id;date;channel;purpose'];
  for (let i = 0; i < 50; i++) contacts.push(`X${i};E${i};${addDays('2019-03-01', i)};visit;canvassing`);
  return {
    'employers.csv': `${employers.join('\n')}\n`,
    'persons.csv': `${persons.join('\n')}\n`,
    'events.csv': `${events.join('\n')}\n`,
    'contracts.csv': `${contracts.join('\n')}\n`,
    'employer_contacts.csv': `${contacts.join('\r\n')}\r\n`,
  };
}

for (const target of testTargets()) {
  describe(`historical import, acceptance (${target.driver})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let organisationId: string;

    beforeAll(async () => {
      t = await startTestApp(target);
      ({ organisationId, coordinator } = await installWithCoordinator(t));
    });
    afterAll(() => t.close());

    it('3 bad rows among 1,000: exactly those 3 are reported and nothing is imported', async () => {
      const before = await tableCounts(t);
      const { job } = await importHistory(coordinator, history(true));
      expect(job.total).toBe(1000);
      expect(job.status).toBe('failed');
      expect(job.written).toBe(false);
      expect(
        job.errors.map((e: { file: string; line: number; field: string }) => [e.file, e.line, e.field]),
      ).toEqual([
        ['persons.csv', 19, 'sex'],
        ['contracts.csv', 101, 'planned_end'],
        ['events.csv', 242, 'date'],
      ]);
      for (const e of job.errors) expect(e.message).toMatch(/^« .+ » : /);
      const after = await tableCounts(t);
      expect(after).toEqual({ ...before, import_job: before.import_job! + 1 });
    });

    it('the corrected file imported twice leaves one copy of each row', async () => {
      const first = await importHistory(coordinator, history(false));
      expect(first.job.errors).toEqual([]);
      expect(first.job.written).toBe(true);
      expect(first.job.counts.person.created).toBe(250);
      expect(first.job.counts.event.created).toBe(500);
      expect(first.job.counts.contract.created).toBe(150);
      const counts = await tableCounts(t);
      expect(counts.person).toBe(250);
      expect(counts.trajectory_event).toBe(500);
      expect(counts.contract).toBe(150);
      expect(counts.employer).toBe(50);

      const second = await importHistory(coordinator, history(false));
      expect(second.job.errors).toEqual([]);
      for (const entity of ['person', 'event', 'contract', 'employer', 'employer_contact']) {
        expect(second.job.counts[entity]).toMatchObject({ created: 0, updated: 0 });
      }
      expect(second.job.counts.person.unchanged).toBe(250);
      expect(second.job.counts.event.unchanged).toBe(500);
      expect(await tableCounts(t)).toEqual({ ...counts, import_job: counts.import_job! + 1 });

      const hired = await t.handle.db
        .selectFrom('person')
        .select(['phase', 'pre_hire_entry'])
        .where('last_name', '=', 'Nom3')
        .executeTakeFirstOrThrow();
      expect(hired).toEqual({ phase: 'hiring', pre_hire_entry: addDays(addDays('2019-01-07', 9), 14) });
    });

    it('reads the same history from one XLSX workbook', async () => {
      const workbook = new ExcelJS.Workbook();
      const persons = workbook.addWorksheet('persons');
      persons.addRow(['external_id', 'first_name', 'last_name', 'sex', 'referral_date', 'birth_date']);
      persons.addRow(['XL1', 'Nadia', 'Excel', 'Femme', new Date(Date.UTC(2021, 2, 1)), '12/05/1979']);
      const events = workbook.addWorksheet('events');
      events.addRow(['external_id', 'person_external_id', 'date', 'event', 'reason']);
      events.addRow(['XE1', 'XL1', new Date(Date.UTC(2021, 2, 15)), 'Entrée en pré-embauche', null]);
      workbook.addWorksheet('Notes').addRow(['Feuille libre, ignorée']);
      const data = new Uint8Array(await workbook.xlsx.writeBuffer());
      const { job } = await importHistory(coordinator, { 'historique.xlsx': data });
      expect(job.errors).toEqual([]);
      expect(job.counts.person.created).toBe(1);
      const nadia = await t.handle.db
        .selectFrom('person')
        .select(['phase', 'pre_hire_entry', 'birth_date', 'referral_received_on'])
        .where('last_name', '=', 'Excel')
        .executeTakeFirstOrThrow();
      expect(nadia).toEqual({
        phase: 'pre_hire',
        pre_hire_entry: '2021-03-15',
        birth_date: '1979-05-12',
        referral_received_on: '2021-03-01',
      });
    });

    it('the command line imports the sample set (dry run first), printing the summary', async () => {
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);
      const deps = { database: new AppDatabase(t.handle.db), clock: t.clock };
      const dry = await runImportCommand(
        deps,
        {
          org: 'CPAS de Fleurus',
          dryRun: true,
          validOnly: false,
          user: 'coord@example.org',
          path: SAMPLE_DIR,
        },
        log,
      );
      expect(dry).toBe(0);
      expect(lines.join('\n')).toMatch(/personnes\s+: 5 à créer/);
      const before = await tableCounts(t);
      lines.length = 0;
      const code = await runImportCommand(
        deps,
        { org: organisationId, dryRun: false, validOnly: false, user: null, path: SAMPLE_DIR },
        log,
      );
      expect(code).toBe(0);
      expect(lines.join('\n')).toMatch(/personnes\s+: 5 créé/);
      expect((await tableCounts(t)).person).toBe(before.person! + 5);
      const bad = await runImportCommand(
        deps,
        { org: 'Organisation inconnue', dryRun: true, validOnly: false, user: null, path: SAMPLE_DIR },
        log,
      );
      expect(bad).toBe(2);
      // A member whose role may not import is refused as the API refuses them, nothing imported.
      await addUser(t, organisationId, 'coach-cli@example.org', 'jobcoach');
      lines.length = 0;
      const refused = await runImportCommand(
        deps,
        {
          org: organisationId,
          dryRun: true,
          validOnly: false,
          user: 'coach-cli@example.org',
          path: SAMPLE_DIR,
        },
        log,
      );
      expect(refused).toBe(2);
      expect(lines.at(-1)).toBe(
        '« coach-cli@example.org » : Votre rôle dans cette organisation ne permet pas cette action.',
      );
    });
  });
}

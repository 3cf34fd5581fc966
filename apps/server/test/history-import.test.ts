import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createOrganisation,
  loginAs,
  startTestApp,
  type TestApp,
  tableCounts,
} from './helpers.ts';
import { importHistory, installWithCoordinator, sampleFiles, upload } from './history-import-helpers.ts';

for (const target of testTargets()) {
  describe(`historical import (${target.driver})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let organisationId: string;

    beforeAll(async () => {
      t = await startTestApp(target);
      ({ organisationId, coordinator } = await installWithCoordinator(t));
    });
    afterAll(() => t.close());

    const personByName = async (lastName: string) =>
      t.handle.db
        .selectFrom('person')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('last_name', '=', lastName)
        .executeTakeFirstOrThrow();

    it('a dry run of the sample set reports what it would create and writes nothing', async () => {
      const before = await tableCounts(t);
      const { job } = await importHistory(coordinator, sampleFiles(), { dryRun: true });
      expect(job.errors).toEqual([]);
      expect(job).toMatchObject({ status: 'done', dryRun: true, written: false, total: 38 });
      expect(job.counts.person).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
      expect(job.counts.event).toMatchObject({ created: 17 });
      expect(job.counts.contract).toMatchObject({ created: 4 });
      expect(job.counts.employer).toMatchObject({ created: 3 });
      const after = await tableCounts(t);
      expect({ ...after, import_job: 0 }).toEqual({ ...before, import_job: 0 });
    });

    it('imports the sample set with no error; the persons read as if entered through the app', async () => {
      const { job, seen } = await importHistory(coordinator, sampleFiles());
      expect(job.errors).toEqual([]);
      expect(job).toMatchObject({ status: 'done', written: true, processed: 38, total: 38 });
      expect(seen.at(-1)!.processed).toBe(38);

      const sophie = await personByName('Lambert');
      expect(sophie).toMatchObject({
        phase: 'exited',
        phase_since: '2021-09-30',
        pre_hire_entry: '2020-10-05',
        trust_contract_signed_on: '2020-10-05',
        referral_received_on: '2020-09-14',
        sex: 'woman',
        studies: 'cesi',
        income: 'integration_income',
        referral_kind: 'partner',
      });
      const events = await t.handle.db
        .selectFrom('trajectory_event')
        .selectAll()
        .where('person_id', '=', sophie.id)
        .orderBy('at')
        .execute();
      expect(events.map((e) => [e.date, e.transition_id, e.from_phase, e.to_phase, e.reason])).toEqual([
        ['2020-10-05', 'enter_pre_hire', 'intake', 'pre_hire', null],
        ['2021-02-20', 'start_hiring', 'pre_hire', 'hiring', null],
        ['2021-03-01', 'start_follow_up', 'hiring', 'follow_up', null],
        ['2021-09-30', 'exit', 'follow_up', 'exited', 'consolidated_insertion'],
      ]);
      const coordinatorId = (await loginUserId('coord@example.org'))!;
      expect(events.every((e) => e.actor_id === coordinatorId)).toBe(true);
      expect(events[2]!.fields).toMatchObject({ contractKind: 'cdd', contractStart: '2021-03-01' });
      expect(events[2]!.fields).toHaveProperty('contractId');

      const contracts = await t.handle.db
        .selectFrom('contract')
        .selectAll()
        .where('person_id', '=', sophie.id)
        .orderBy('start_on')
        .execute();
      expect(contracts.map((c) => [c.type, c.end_reason])).toEqual([
        ['cdd', 'converted_to_cdi'],
        ['cdi', null],
      ]);
      expect(contracts[1]!.converted_from_contract_id).toBe(contracts[0]!.id);
      const documents = await t.handle.db
        .selectFrom('person_document')
        .select(['kind', 'dated_on'])
        .where('person_id', '=', sophie.id)
        .orderBy('kind')
        .execute();
      expect(documents).toEqual([
        { kind: 'end_letter', dated_on: '2021-09-30' },
        { kind: 'trust_contract', dated_on: '2020-10-05' },
      ]);

      expect(await personByName('Haddad')).toMatchObject({
        phase: 'pre_hire',
        phase_since: '2021-12-01',
        pre_hire_entry: '2021-02-01',
        origin: 'foreign_or_foreign_origin',
      });
      expect(await personByName('Renard')).toMatchObject({ phase: 'exited', pre_hire_entry: null });
      const collard = await personByName('Collard');
      expect(collard).toMatchObject({
        phase: 'exited',
        pre_hire_entry: '2021-10-25',
        trust_contract_signed_on: '2021-10-22',
      });
      // A follow-up started without a contract records the job as an employment period, closed by the exit? No:
      // the exit leaves it as entered (contract_end given), exactly as the live transition does.
      const elAmrani = await personByName('El Amrani');
      const periods = await t.handle.db
        .selectFrom('employment_period')
        .select(['kind', 'start_on', 'end_on'])
        .where('person_id', '=', elAmrani.id)
        .execute();
      expect(periods).toEqual([{ kind: 'cdd', start_on: '2022-05-02', end_on: '2022-10-31' }]);

      // The person file reads them like any other (GET /api/persons/:id works, phase and clock).
      const file = await coordinator.get(`/api/persons/${collard.id}`);
      expect(file.status).toBe(200);
      expect(file.json.phase).toBe('exited');

      // Employers: the one that hired became a partner, the one contacted directly is contacted.
      const employers = await t.handle.db
        .selectFrom('employer')
        .select(['name', 'status', 'bce'])
        .orderBy('name')
        .execute();
      expect(employers).toEqual([
        { name: 'Administration communale de Fleurus', status: 'partner', bce: '0207123407' },
        { name: 'Boulangerie Lemaire', status: 'partner', bce: '0412345614' },
        { name: 'Net & Clair Services', status: 'partner', bce: '0423456765' },
      ]);
      const direct = await t.handle.db
        .selectFrom('contact')
        .select(['channel', 'direct'])
        .where('employer_id', 'is not', null)
        .orderBy('date')
        .execute();
      expect(direct.map((d) => d.direct)).toEqual([true, false, true, true]);

      // One audit entry for the written import, with counts and no personal data.
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['details'])
        .where('action', '=', 'history_import_done')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Lambert|Sophie/);
    });

    async function loginUserId(email: string) {
      const u = await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      return u?.id;
    }

    it('importing the same files again changes nothing and says so', async () => {
      const before = await tableCounts(t);
      const { job } = await importHistory(coordinator, sampleFiles());
      expect(job.errors).toEqual([]);
      expect(job.counts.person).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
      expect(job.counts.event).toMatchObject({ created: 0, unchanged: 17 });
      expect(job.counts.employer).toMatchObject({ created: 0, unchanged: 3 });
      expect(await tableCounts(t)).toEqual({ ...before, import_job: before.import_job! + 1 });
    });

    it('a changed row updates its record; new events are appended after the stored ones', async () => {
      const files = sampleFiles();
      files['persons.csv'] = files['persons.csv']!.replace('0470 11 22 33', '0470 99 88 77');
      files['events.csv'] = `${files['events.csv']!}V018;P002;2022-06-01;exit;left_voluntarily;;;;;;;\n`;
      const { job } = await importHistory(coordinator, files);
      expect(job.errors).toEqual([]);
      expect(job.counts.person).toMatchObject({ updated: 1, unchanged: 4 });
      expect(job.counts.event).toMatchObject({ created: 1, unchanged: 17 });
      expect((await personByName('Lambert')).phone).toBe('0470 99 88 77');
      expect(await personByName('Haddad')).toMatchObject({ phase: 'exited', phase_since: '2022-06-01' });
    });

    it('an event already imported cannot be changed: the trajectory log is append-only', async () => {
      const files = sampleFiles();
      files['events.csv'] = files['events.csv']!.replace('V004;P001;2021-09-30', 'V004;P001;2021-10-30');
      const before = await tableCounts(t);
      const { job } = await importHistory(coordinator, files);
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([
        expect.objectContaining({
          file: 'events.csv',
          line: 5,
          field: 'event',
          message: expect.stringMatching(/déjà été importé/),
        }),
      ]);
      expect(await tableCounts(t)).toEqual({ ...before, import_job: before.import_job! + 1 });
    });

    it('events out of order are refused with a French message naming the line and the column', async () => {
      const { job } = await importHistory(coordinator, {
        'persons.csv':
          'external_id;first_name;last_name;sex;referral_date\nQ1;Luc;Martin;man;2022-01-10\nQ2;Ana;Costa;F;2022-01-10\n',
        'events.csv':
          'external_id;person_external_id;date;event;reason\n' +
          'A1;Q1;2022-05-01;exit;left_voluntarily\n' +
          'A2;Q1;2022-06-01;enter_pre_hire;\n' +
          'B1;Q2;2021-12-01;enter_pre_hire;\n' +
          'B2;Q2;2022-03-01;start_follow_up;\n',
      });
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([
        expect.objectContaining({
          file: 'events.csv',
          line: 3,
          field: 'event',
          message: expect.stringContaining(
            'n’est pas possible depuis la phase « Sortie » atteinte le 01/05/2022',
          ),
        }),
        expect.objectContaining({
          file: 'events.csv',
          line: 4,
          field: 'date',
          message: expect.stringContaining('précède le début de la phase « Accueil »'),
        }),
      ]);
      expect(job.skipped).toEqual([expect.objectContaining({ file: 'events.csv', line: 5 })]);
      expect(
        await t.handle.db.selectFrom('person').select('id').where('last_name', '=', 'Martin').execute(),
      ).toEqual([]);
    });

    it('valid-only imports the valid rows and skips the rows that depend on a row in error', async () => {
      const { job } = await importHistory(
        coordinator,
        {
          'persons.csv':
            'external_id;first_name;last_name;sex;referral_date;niss\n' +
            'R1;Léa;Dumont;Femme;2022-01-10;\n' +
            'R2;Tom;Bernard;man;2022-01-10;12345678901\n',
          'employers.csv': 'external_id;name\nF1;Garage Bernard\n',
          'contracts.csv':
            'external_id;person_external_id;employer_external_id;type;start;planned_end;job_title\n' +
            'CT1;R2;F1;cdd;2022-03-01;2022-08-31;Mécanicien\n' +
            'CT2;R1;F1;cdi;2022-03-01;;Réceptionniste\n',
          'events.csv':
            'external_id;person_external_id;date;event\nW1;R1;2022-02-01;enter_pre_hire\nW2;R2;2022-02-01;enter_pre_hire\n',
        },
        { validOnly: true },
      );
      expect(job.status).toBe('done');
      expect(job.written).toBe(true);
      expect(job.errors).toEqual([expect.objectContaining({ file: 'persons.csv', line: 3, field: 'niss' })]);
      expect(job.skipped.map((s: { file: string; line: number }) => `${s.file}:${s.line}`).sort()).toEqual([
        'contracts.csv:2',
        'events.csv:3',
      ]);
      expect(job.counts.person).toMatchObject({ created: 1, errors: 1 });
      expect(job.counts.contract).toMatchObject({ created: 1, skipped: 1 });
      expect(await personByName('Dumont')).toMatchObject({ phase: 'pre_hire', pre_hire_entry: '2022-02-01' });
      expect(
        await t.handle.db.selectFrom('person').select('id').where('last_name', '=', 'Bernard').execute(),
      ).toEqual([]);
    });

    it('only coordinators import; another organisation does not see the job', async () => {
      await addUser(t, organisationId, 'coach@example.org', 'jobcoach');
      const coach = await loginAs(t, 'coach@example.org');
      const refused = await coach.post('/api/history-imports', {
        files: upload(sampleFiles()),
        dryRun: true,
      });
      expect(refused.status).toBe(403);

      const { jobId } = await importHistory(coordinator, sampleFiles(), { dryRun: true });
      expect((await coach.get(`/api/history-imports/${jobId}`)).status).toBe(403);

      const admin = (await setupAdmin())!;
      const basin = await t.handle.db
        .selectFrom('organisation')
        .select('basin_id')
        .where('id', '=', organisationId)
        .executeTakeFirstOrThrow();
      const otherOrg = await createOrganisation(admin, 'EFT Le Chantier', basin.basin_id);
      await addUser(t, otherOrg, 'other@example.org', 'coordinator');
      const other = await loginAs(t, 'other@example.org');
      expect((await other.get(`/api/history-imports/${jobId}`)).status).toBe(404);
    });

    async function setupAdmin() {
      const { Client } = await import('./helpers.ts');
      const admin = new Client(t.app);
      await admin.login('admin@example.org');
      return admin;
    }

    it('refuses unknown files and columns with their names', async () => {
      const { job } = await importHistory(coordinator, {
        'people.csv': 'external_id\nX\n',
        'persons.csv': 'external_id;first_name;last_name;sex;referral_date;birthdate\n',
      });
      expect(job.status).toBe('failed');
      expect(job.errors.map((e: { file: string; field: string }) => `${e.file}:${e.field}`)).toEqual([
        'people.csv:file',
        'persons.csv:birthdate',
      ]);
    });
  });
}

import { testTargets } from '@jobcoach/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from './helpers.ts';
import { importHistory, installWithCoordinator, upload } from './history-import-helpers.ts';

/** A coordinator's own tracking workbook: one sheet, one row per person, French headings. */
export async function trackingWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Suivi 2025');
  sheet.addRow([
    'N° dossier',
    'Nom',
    'Prénom',
    'Sexe',
    'Date de naissance',
    "Date d'entrée",
    'Date du contrat',
    'Type de contrat',
    'Employeur',
    'Date de sortie',
    'Raison',
  ]);
  sheet.addRow(['S-01', 'Dumoulin', 'Léa', 'F', new Date('1991-04-12'), new Date('2025-01-13')]);
  sheet.addRow([
    'S-02',
    'Kabongo',
    'Patrick',
    'H',
    new Date('1985-09-30'),
    new Date('2025-01-20'),
    new Date('2025-03-03'),
    'CDD',
    'Boulangerie du Centre',
  ]);
  sheet.addRow([
    'S-03',
    'Rossi',
    'Giulia',
    'F',
    '02/02/1979',
    '03/02/2025',
    '',
    '',
    '',
    '30/04/2025',
    'Déménagement',
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

for (const target of testTargets()) {
  describe(`history import: the mapping step (${target.driver})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let organisationId: string;

    beforeAll(async () => {
      t = await startTestApp(target);
      ({ organisationId, coordinator } = await installWithCoordinator(t));
    });
    afterAll(() => t.close());

    const inspect = async (files: Record<string, string | Uint8Array>) => {
      const res = await coordinator.post('/api/history-imports/inspect', { files: upload(files) });
      expect(res.status).toBe(200);
      return res.json;
    };

    it('maps a single-sheet tracking workbook onto persons and events, and offers the mapping again', async () => {
      const files = { 'Suivi.xlsx': await trackingWorkbook() };
      // Without the mapping step, nothing is recognised.
      const refused = await importHistory(coordinator, files, { dryRun: true });
      expect(refused.job.status).toBe('failed');
      expect(refused.job.errors[0].message).toMatch(/^Aucun fichier reconnu/);

      const first = await inspect(files);
      expect(first.tables).toHaveLength(1);
      const [table] = first.tables;
      expect(table).toMatchObject({
        table: 'Suivi.xlsx › Suivi 2025',
        recognised: null,
        encoding: null,
        rows: 3,
        saved: false,
      });
      expect(table.mapping.target).toBe('tracking');
      expect(table.mapping.columns).toMatchObject({
        external_id: 'N° dossier',
        last_name: 'Nom',
        first_name: 'Prénom',
        sex: 'Sexe',
        entry_date: "Date d'entrée",
        contract_date: 'Date du contrat',
        employer: 'Employeur',
        exit_date: 'Date de sortie',
      });
      // « Raison » is not guessed: the coordinator maps it by hand.
      expect(table.mapping.columns.exit_reason).toBeUndefined();
      const mapping = [{ ...table.mapping, columns: { ...table.mapping.columns, exit_reason: 'Raison' } }];
      expect(first.targets.map((x: { target: string }) => x.target)).toContain('tracking');

      const res = await coordinator.post('/api/history-imports', { files: upload(files), mapping });
      expect(res.status).toBe(202);
      let job = (await coordinator.get(`/api/history-imports/${res.json.jobId}`)).json;
      for (let i = 0; i < 200 && job.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        job = (await coordinator.get(`/api/history-imports/${res.json.jobId}`)).json;
      }
      expect(job.errors).toEqual([]);
      expect(job.status).toBe('done');
      expect(job.counts.person).toMatchObject({ created: 3 });
      expect(job.counts.employer).toMatchObject({ created: 1 });
      const persons = await t.handle.db
        .selectFrom('person')
        .select(['last_name', 'phase', 'referral_received_on', 'pre_hire_entry'])
        .where('organisation_id', '=', organisationId)
        .orderBy('last_name')
        .execute();
      expect(persons).toEqual([
        {
          last_name: 'Dumoulin',
          phase: 'pre_hire',
          referral_received_on: '2025-01-13',
          pre_hire_entry: '2025-01-13',
        },
        {
          last_name: 'Kabongo',
          phase: 'follow_up',
          referral_received_on: '2025-01-20',
          pre_hire_entry: '2025-01-20',
        },
        {
          last_name: 'Rossi',
          phase: 'exited',
          referral_received_on: '2025-02-03',
          pre_hire_entry: '2025-02-03',
        },
      ]);

      // The next upload of the same shape is offered the saved mapping.
      const second = await inspect({ 'Suivi (copie).xlsx': await trackingWorkbook() });
      expect(second.tables[0].saved).toBe(true);
      expect(second.tables[0].mapping).toEqual({
        ...mapping[0],
        table: 'Suivi (copie).xlsx › Suivi 2025',
      });
      // The same sheet again with its mapping changes nothing (the keys derive from the rows).
      const again = await coordinator.post('/api/history-imports', {
        files: upload(files),
        mapping,
        dryRun: true,
      });
      let check = (await coordinator.get(`/api/history-imports/${again.json.jobId}`)).json;
      for (let i = 0; i < 200 && check.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        check = (await coordinator.get(`/api/history-imports/${again.json.jobId}`)).json;
      }
      expect(check.errors).toEqual([]);
      expect(check.counts.person).toMatchObject({ created: 0, unchanged: 3 });
      expect(check.counts.event).toMatchObject({ created: 0, errors: 0 });
    });

    it('maps a CSV in another shape onto persons, naming its own headings in the errors', async () => {
      const csv = [
        'Matricule;Nom;Prénom;Genre;Inscrit le',
        'M1;Lefèvre;Marc;H;2024-13-01',
        'M2;Noël;Ines;F;2024-02-01',
      ].join('\n');
      const files = { 'export-crm.csv': csv };
      const looked = await inspect(files);
      expect(looked.tables[0]).toMatchObject({
        recognised: null,
        encoding: 'UTF-8',
        headings: ['Matricule', 'Nom', 'Prénom', 'Genre', 'Inscrit le'],
      });
      const mapping = [
        {
          table: 'export-crm.csv',
          target: 'persons',
          columns: {
            external_id: 'Matricule',
            last_name: 'Nom',
            first_name: 'Prénom',
            sex: 'Genre',
            referral_date: 'Inscrit le',
          },
        },
      ];
      const res = await coordinator.post('/api/history-imports', {
        files: upload(files),
        mapping,
        dryRun: true,
      });
      expect(res.status).toBe(202);
      let job = (await coordinator.get(`/api/history-imports/${res.json.jobId}`)).json;
      for (let i = 0; i < 200 && job.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        job = (await coordinator.get(`/api/history-imports/${res.json.jobId}`)).json;
      }
      expect(job.counts.person).toMatchObject({ created: 1, errors: 1 });
      expect(job.errors).toEqual([
        expect.objectContaining({ file: 'export-crm.csv', line: 2, field: 'Inscrit le' }),
      ]);
    });

    it('beside tables named after the import’s files, offers another table as ignored, with its guesses', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook
        .addWorksheet('Personnes')
        .addRow(['Identifiant', 'Prénom', 'Nom', 'Sexe', 'Date de l’orientation (accueil)']);
      workbook.addWorksheet('Totaux').addRow(['Nom', 'Prénom', 'Remarques']);
      const looked = await inspect({ 'classeur.xlsx': new Uint8Array(await workbook.xlsx.writeBuffer()) });
      expect(
        looked.tables.map((x: { table: string; recognised: string | null }) => [x.table, x.recognised]),
      ).toEqual([
        ['classeur.xlsx › Personnes', 'persons'],
        ['classeur.xlsx › Totaux', null],
      ]);
      const totals = looked.tables[1];
      expect(totals.mapping).toEqual({ table: 'classeur.xlsx › Totaux', target: null, columns: {} });
      expect(totals.guesses.persons).toEqual({ last_name: 'Nom', first_name: 'Prénom' });
      expect(totals.guesses.tracking).toMatchObject({
        last_name: 'Nom',
        first_name: 'Prénom',
        notes: 'Remarques',
      });
    });

    it('refuses a mapping that leaves a required column out, naming it', async () => {
      const csv = 'Matricule;Nom\nX1;Dupont\n';
      const res = await coordinator.post('/api/history-imports', {
        files: upload({ 'autre.csv': csv }),
        mapping: [
          {
            table: 'autre.csv',
            target: 'persons',
            columns: { external_id: 'Matricule', last_name: 'Absente' },
          },
        ],
        dryRun: true,
      });
      expect(res.status).toBe(202);
      let job = (await coordinator.get(`/api/history-imports/${res.json.jobId}`)).json;
      for (let i = 0; i < 200 && job.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        job = (await coordinator.get(`/api/history-imports/${res.json.jobId}`)).json;
      }
      expect(job.status).toBe('failed');
      const messages = job.errors.map((e: { message: string }) => e.message).join('\n');
      expect(messages).toContain('la colonne « Absente » n’existe pas');
      expect(messages).toContain('« Prénom » (obligatoire)');
    });
  });
}

import { testTargets } from '@jobcoach/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/imports/encoding.ts';
import type { Client, TestApp } from './helpers.ts';
import { startTestApp } from './helpers.ts';
import { importHistory, installWithCoordinator } from './history-import-helpers.ts';

/** Text as Excel's « CSV (séparateur : point-virgule) » writes it on Windows: Windows-1252. */
function windows1252(text: string): Uint8Array {
  const specific: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c, Œ: 0x8c, '…': 0x85 };
  return Uint8Array.from([...text].map((c) => specific[c] ?? c.charCodeAt(0)));
}

describe('reading the text of a CSV file', () => {
  it('tells UTF-8 with and without BOM, Windows-1252 and ISO-8859-1 apart', () => {
    const utf8 = new TextEncoder().encode('Hélène;Cœur');
    expect(decodeText(utf8)).toEqual({ text: 'Hélène;Cœur', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: 'Hélène;Cœur',
      encoding: 'utf-8-bom',
    });
    expect(decodeText(windows1252('Hélène;Cœur l’été'))).toEqual({
      text: 'Hélène;Cœur l’été',
      encoding: 'windows-1252',
    });
    // A byte Windows-1252 leaves undefined: ISO-8859-1, each byte its character.
    expect(decodeText(Uint8Array.from([0x48, 0xe9, 0x81]))).toEqual({
      text: 'Hé\u0081',
      encoding: 'iso-8859-1',
    });
  });
});

for (const target of testTargets()) {
  describe(`history import: encodings, French names, every error (${target.driver})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let organisationId: string;

    beforeAll(async () => {
      t = await startTestApp(target);
      ({ organisationId, coordinator } = await installWithCoordinator(t));
    });
    afterAll(() => t.close());

    const names = () =>
      t.handle.db
        .selectFrom('person')
        .select(['first_name', 'last_name'])
        .where('organisation_id', '=', organisationId)
        .orderBy('last_name')
        .execute();

    it('imports a Windows-1252 CSV with « ; » and accented names intact, and says which encoding it read', async () => {
      const csv = [
        'external_id;first_name;last_name;sex;referral_date',
        'W1;Hélène;Dupré;Femme;12/03/2024',
        'W2;François;Cœurderoy;H;2024-04-02',
      ].join('\r\n');
      const { job } = await importHistory(coordinator, { 'persons.csv': windows1252(csv) });
      expect(job.errors).toEqual([]);
      expect(job).toMatchObject({ status: 'done', written: true });
      expect(job.files).toEqual([{ file: 'persons.csv', rows: 2, encoding: 'Windows-1252' }]);
      expect(await names()).toEqual([
        { first_name: 'François', last_name: 'Cœurderoy' },
        { first_name: 'Hélène', last_name: 'Dupré' },
      ]);
    });

    it('reads a UTF-8 file with a byte order mark and says so', async () => {
      const csv = '\uFEFFexternal_id;first_name;last_name;sex;referral_date\nB1;Zoé;Bomer;F;2024-01-08\n';
      const { job } = await importHistory(coordinator, { 'persons.csv': csv }, { dryRun: true });
      expect(job.errors).toEqual([]);
      expect(job.files).toEqual([{ file: 'persons.csv', rows: 1, encoding: 'UTF-8 (avec BOM)' }]);
    });

    it('takes French file and column names, accents and case ignored', async () => {
      const persons = [
        'IDENTIFIANT;Prenom;NOM;sexe;Date de l’orientation (accueil);Date de naissance',
        'F1;Émile;Verhaegen;homme;2023-05-02;1980-01-31',
      ].join('\n');
      const events = [
        'Identifiant;Identifiant de la personne;Date;Événement',
        'F1-1;F1;2023-06-01;Entrée en pré-embauche',
      ].join('\n');
      const { job } = await importHistory(coordinator, {
        'Personnes.csv': persons,
        'événements.CSV': events,
      });
      expect(job.errors).toEqual([]);
      expect(job.counts.person).toMatchObject({ created: 1 });
      expect(job.counts.event).toMatchObject({ created: 1 });
      const emile = await t.handle.db
        .selectFrom('person')
        .select(['phase', 'birth_date'])
        .where('organisation_id', '=', organisationId)
        .where('last_name', '=', 'Verhaegen')
        .executeTakeFirstOrThrow();
      expect(emile).toEqual({ phase: 'pre_hire', birth_date: '1980-01-31' });
    });

    it('gives the template to fill; filled with three persons and their events, it imports as it is', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/history-imports/template.xlsx',
        headers: { cookie: coordinator.cookie! },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
        ['Employeurs', 'visible'],
        ['Personnes', 'visible'],
        ['Contrats', 'visible'],
        ['Événements', 'visible'],
        ['Contacts personnes', 'visible'],
        ['Contacts employeurs', 'visible'],
        ['Listes', 'hidden'],
      ]);
      const persons = workbook.getWorksheet('Personnes')!;
      const headings = (persons.getRow(1).values as unknown[]).slice(1) as string[];
      expect(headings).toContain('Prénom');
      expect(headings).toContain('Date de naissance');
      expect(String(persons.getRow(2).getCell(1).value)).toMatch(/^Obligatoire/);
      const sexColumn = headings.indexOf('Sexe') + 1;
      const validation = persons.getCell(3, sexColumn).dataValidation;
      expect(validation).toMatchObject({ type: 'list' });
      const column = (name: string) => headings.indexOf(name) + 1;
      const people = [
        ['T1', 'Aïcha', 'Template', 'Femme', new Date('2024-02-01')],
        ['T2', 'Bruno', 'Modèle', 'Homme', new Date('2024-02-02')],
        ['T3', 'Chloé', 'Gabarit', 'Non précisé', new Date('2024-02-03')],
      ] as const;
      people.forEach(([id, first, last, sex, referral], i) => {
        const row = persons.getRow(3 + i);
        row.getCell(column('Identifiant')).value = id;
        row.getCell(column('Prénom')).value = first;
        row.getCell(column('Nom')).value = last;
        row.getCell(column('Sexe')).value = sex;
        row.getCell(column('Date de l’orientation (accueil)')).value = referral;
      });
      const events = workbook.getWorksheet('Événements')!;
      const eventHeadings = (events.getRow(1).values as unknown[]).slice(1) as string[];
      const eventRow = events.getRow(3);
      eventRow.getCell(eventHeadings.indexOf('Identifiant') + 1).value = 'T1-E1';
      eventRow.getCell(eventHeadings.indexOf('Identifiant de la personne') + 1).value = 'T1';
      eventRow.getCell(eventHeadings.indexOf('Date') + 1).value = new Date('2024-03-01');
      eventRow.getCell(eventHeadings.indexOf('Événement') + 1).value = 'Entrée en pré-embauche';
      const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
      const { job } = await importHistory(coordinator, { 'modele-import-historique.xlsx': filled });
      expect(job.errors).toEqual([]);
      expect(job.counts.person).toMatchObject({ created: 3, errors: 0 });
      expect(job.counts.event).toMatchObject({ created: 1 });
      const imported = await t.handle.db
        .selectFrom('person')
        .select(['last_name', 'sex', 'phase'])
        .where('organisation_id', '=', organisationId)
        .where('last_name', 'in', ['Template', 'Modèle', 'Gabarit'])
        .orderBy('last_name')
        .execute();
      expect(imported).toEqual([
        { last_name: 'Gabarit', sex: 'not_stated', phase: 'intake' },
        { last_name: 'Modèle', sex: 'man', phase: 'intake' },
        { last_name: 'Template', sex: 'woman', phase: 'pre_hire' },
      ]);
    });

    it('serves the documentation to those who may import', async () => {
      const doc = await coordinator.get('/api/history-imports/documentation');
      expect(doc.status).toBe(200);
      expect(doc.json.markdown).toContain('# Historical import');
    });

    it('reports every error of a row at once, a bad date does not hide the others', async () => {
      const csv = [
        'external_id;first_name;last_name;sex;referral_date;email;niss;birth_date',
        'E1;Anna;Bad;Femme;31/02/2024;pas-un-email;12345;1990-01-01',
      ].join('\n');
      const { job } = await importHistory(coordinator, { 'persons.csv': csv }, { dryRun: true });
      expect(job.status).toBe('failed');
      expect(job.errors.map((e: { field: string; line: number }) => [e.line, e.field]).sort()).toEqual([
        [2, 'email'],
        [2, 'niss'],
        [2, 'referral_date'],
      ]);
      for (const e of job.errors) expect(e.message).toMatch(/^« [^»]+ » : .+/);
    });

    it('reports two rows sharing an external id, both left out, with --valid-only too', async () => {
      const csv = [
        'external_id;first_name;last_name;sex;referral_date',
        'D1;Paul;Premier;H;2024-01-02',
        'D1;Paul;Second;H;2024-01-03',
        'D2;Lea;Seule;F;2024-01-04',
      ].join('\n');
      const { job } = await importHistory(coordinator, { 'persons.csv': csv }, { validOnly: true });
      expect(job.status).toBe('done');
      expect(job.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [2, 'external_id'],
        [3, 'external_id'],
      ]);
      expect(job.errors[0].message).toContain('ligne 3');
      expect(job.errors[1].message).toContain('ligne 2');
      const imported = (await names()).map((p) => p.last_name);
      expect(imported).toContain('Seule');
      expect(imported).not.toContain('Premier');
      expect(imported).not.toContain('Second');
    });
  });
}

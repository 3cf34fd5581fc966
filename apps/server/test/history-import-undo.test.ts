import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createEmployer,
  createPerson,
  employerBody,
  loginAs,
  personBody,
  startTestApp,
  type TestApp,
} from './helpers.ts';
import { importHistory, installWithCoordinator, sampleFiles } from './history-import-helpers.ts';

const REPORT = '/api/reports/steering?from=2020-01-01&to=2022-12-31';

for (const target of testTargets()) {
  describe(`undoing a history import (${target.driver})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let organisationId: string;

    beforeAll(async () => {
      t = await startTestApp(target);
      ({ organisationId, coordinator } = await installWithCoordinator(t));
    });
    afterAll(() => t.close());

    /** The report without the moment it was made. */
    const report = async () => {
      const res = await coordinator.get(REPORT);
      expect(res.status).toBe(200);
      const { generatedAt: _, ...rest } = res.json;
      return rest;
    };
    const personCount = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('person')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('organisation_id', '=', organisationId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('undoes an import: the report for the period is back to its figures before the import', async () => {
      // Something recorded before the import: a person, and the employer the sample names by its BCE.
      await createPerson(coordinator, personBody('2021-05-03', { firstName: 'Avant', lastName: 'Import' }));
      const linked = await createEmployer(
        coordinator,
        employerBody({ name: 'Lemaire', bce: '0412.345.614' }),
      );
      const before = await report();
      const personsBefore = await personCount();

      const { job, jobId } = await importHistory(coordinator, sampleFiles());
      expect(job.errors).toEqual([]);
      expect(job.written).toBe(true);
      const during = await report();
      expect(during).not.toEqual(before);
      expect(during.headline.contractsSigned).not.toEqual(before.headline.contractsSigned);
      const employerNow = await coordinator.get(`/api/employers/${linked.id}`);
      expect(employerNow.json.status).toBe('partner');

      const list = await coordinator.get('/api/history-imports');
      expect(list.status).toBe(200);
      const listed = list.json.find((j: { id: string }) => j.id === jobId);
      expect(listed.undo).toMatchObject({ possible: true, blockers: [] });

      const undo = await coordinator.post(`/api/history-imports/${jobId}/undo`);
      expect(undo.status).toBe(200);
      expect(undo.json.removed).toMatchObject({ person: 5, event: 17, contract: 4, employer_status: 1 });
      expect(await report()).toEqual(before);
      expect(await personCount()).toBe(personsBefore);
      expect((await coordinator.get(`/api/employers/${linked.id}`)).json.status).toBe('prospect');
      const keys = await t.handle.db
        .selectFrom('history_import_key')
        .select('external_id')
        .where('organisation_id', '=', organisationId)
        .execute();
      expect(keys).toEqual([]);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('organisation_id', '=', organisationId)
        .where('action', '=', 'history_import_undo')
        .execute();
      expect(audit).toEqual([{ action: 'history_import_undo', entity_id: jobId }]);

      // Once only.
      const again = await coordinator.post(`/api/history-imports/${jobId}/undo`);
      expect(again.status).toBe(409);
      expect(again.json.error.message).toContain('déjà été annulé');
    });

    it('refuses while something recorded since depends on the import, and says what', async () => {
      const { job, jobId } = await importHistory(coordinator, sampleFiles());
      // Imported anew after the undo: the mapping of external ids went with it.
      expect(job.counts.person).toMatchObject({ created: 5 });
      const person = await t.handle.db
        .selectFrom('person')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('last_name', '=', 'Haddad')
        .executeTakeFirstOrThrow();
      const contact = await coordinator.post(`/api/persons/${person.id}/contacts`, {
        date: '2022-01-10',
        channel: 'phone',
      });
      expect(contact.status).toBe(201);
      const undo = await coordinator.post(`/api/history-imports/${jobId}/undo`);
      expect(undo.status).toBe(409);
      expect(undo.json.error.message).toMatch(/dépendent de ses lignes : 1 contact/);
      const listed = (await coordinator.get('/api/history-imports')).json.find(
        (j: { id: string }) => j.id === jobId,
      );
      expect(listed.undo.possible).toBe(false);
      expect(listed.undo.blockers.join(' ')).toContain('contact');
      // Nothing was removed.
      expect(
        await t.handle.db
          .selectFrom('trajectory_event')
          .select('id')
          .where('person_id', '=', person.id)
          .execute(),
      ).not.toHaveLength(0);
    });

    it('refuses after 30 days, and to a jobcoach', async () => {
      await t.handle.db.deleteFrom('contact').where('organisation_id', '=', organisationId).execute();
      const jobs = (await coordinator.get('/api/history-imports')).json as {
        id: string;
        undoneAt: string | null;
      }[];
      const jobId = jobs.find((j) => j.undoneAt === null)!.id;
      await addUser(t, organisationId, 'coach@example.org', 'jobcoach');
      const coach = await loginAs(t, 'coach@example.org');
      expect((await coach.post(`/api/history-imports/${jobId}/undo`)).status).toBe(403);
      await t.handle.db
        .updateTable('import_job')
        .set({ finished_at: new Date(Date.now() - 31 * 86_400_000) })
        .where('id', '=', jobId)
        .execute();
      const undo = await coordinator.post(`/api/history-imports/${jobId}/undo`);
      expect(undo.status).toBe(409);
      expect(undo.json.error.message).toContain('30 jours');
    });
  });
}

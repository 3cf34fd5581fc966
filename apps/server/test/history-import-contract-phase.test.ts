import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createEmployer,
  createPerson,
  employerBody,
  move,
  personBody,
  startTestApp,
  type TestApp,
  tableCounts,
} from './helpers.ts';
import { importHistory, installWithCoordinator } from './history-import-helpers.ts';

/**
 * A contract of the historical import is checked against the person's phase on its signing date,
 * by the rule the application applies when a contract is signed (docs/import.md, contracts.csv):
 * refused before the entry into pre-hire and after the exit, with the application's own message.
 * The expected messages are not copied here: each test asks the API for them, by signing the same
 * contract for a person in that phase.
 */

const csv = (header: string[], ...rows: string[][]) =>
  `${[header, ...rows].map((r) => r.join(';')).join('\n')}\n`;

const PERSONS = ['external_id', 'first_name', 'last_name', 'sex', 'referral_date'];
const EVENTS = ['external_id', 'person_external_id', 'date', 'event', 'reason', 'contract_external_id'];
const CONTRACTS = [
  'external_id',
  'person_external_id',
  'employer_external_id',
  'type',
  'signed_on',
  'start',
  'planned_end',
  'job_title',
  'actual_end',
  'end_reason',
  'continues_contract_external_id',
];

interface ContractTerms {
  type: string;
  signedOn: string;
  start: string;
  plannedEnd: string | null;
  jobTitle: string;
}

/** A row of contracts.csv with these terms. */
const contractRow = (
  id: string,
  person: string,
  employer: string,
  c: ContractTerms,
  end: { actualEnd?: string; reason?: string; continues?: string } = {},
) => [
  id,
  person,
  employer,
  c.type,
  c.signedOn,
  c.start,
  c.plannedEnd ?? '',
  c.jobTitle,
  end.actualEnd ?? '',
  end.reason ?? '',
  end.continues ?? '',
];

/** The import's error on a contract's row: the column, then the message. */
const signedOnError = (line: number, apiMessage: string) => ({
  file: 'contracts.csv',
  line,
  field: 'signed_on',
  message: `« date de signature » : ${apiMessage}`,
});

for (const target of testTargets()) {
  describe(`historical import, contracts against the trajectory (${target.driver})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let organisationId: string;
    let apiEmployerId: string;

    beforeAll(async () => {
      t = await startTestApp(target);
      ({ organisationId, coordinator } = await installWithCoordinator(t));
      apiEmployerId = (await createEmployer(coordinator, employerBody({ name: 'Garage Lenoir' }))).id;
    });
    afterAll(() => t.close());

    /** A person created through the API, still in intake or moved out (exit from intake). */
    async function apiPerson(phase: 'intake' | 'exited') {
      const person = await createPerson(coordinator, personBody('2022-01-03', { lastName: `Api ${phase}` }));
      if (phase === 'exited') {
        await move(coordinator, person.id, 'exit', { date: '2022-01-20', exitReason: 'left_voluntarily' });
      }
      return person.id as string;
    }

    /** Signs the contract through the API; returns the refusal's message (the signature must be refused). */
    async function apiRefusal(personId: string, c: ContractTerms, employerId = apiEmployerId) {
      const res = await coordinator.post(`/api/persons/${personId}/contracts`, { employerId, ...c });
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('transition_not_allowed');
      return res.json.error.message as string;
    }

    const person = (lastName: string) =>
      t.handle.db
        .selectFrom('person')
        .select(['id', 'phase', 'phase_since'])
        .where('organisation_id', '=', organisationId)
        .where('last_name', '=', lastName)
        .executeTakeFirstOrThrow();

    it('refuses a contract signed after the person’s exit, with the API’s message', async () => {
      const afterExit: ContractTerms = {
        type: 'cdd',
        signedOn: '2022-07-15',
        start: '2022-08-01',
        plannedEnd: '2022-12-31',
        jobTitle: 'Mécanicien',
      };
      const message = await apiRefusal(await apiPerson('exited'), afterExit);
      expect(message).toMatch(/sortie du jobcoaching/);
      const before = await tableCounts(t);
      const { job } = await importHistory(coordinator, {
        'persons.csv': csv(PERSONS, ['A1', 'Luc', 'Martin', 'man', '2022-01-03']),
        'employers.csv': csv(['external_id', 'name'], ['AE1', 'Garage Martin']),
        'events.csv': csv(
          EVENTS,
          ['A1-V1', 'A1', '2022-01-10', 'enter_pre_hire', '', ''],
          ['A1-V2', 'A1', '2022-06-30', 'exit', 'left_voluntarily', ''],
        ),
        'contracts.csv': csv(CONTRACTS, contractRow('A1-C1', 'A1', 'AE1', afterExit)),
      });
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([signedOnError(2, message)]);
      expect(job.counts.contract).toMatchObject({ errors: 1 });
      expect(await tableCounts(t)).toEqual({ ...before, import_job: before.import_job! + 1 });
    });

    it('checks a contract of a person of an earlier import against their stored trajectory', async () => {
      const first = await importHistory(coordinator, {
        'persons.csv': csv(PERSONS, ['B1', 'Nora', 'Stored', 'woman', '2022-01-03']),
        'employers.csv': csv(['external_id', 'name'], ['BE1', 'Boulangerie Stored']),
        'events.csv': csv(
          EVENTS,
          ['B1-V1', 'B1', '2022-01-10', 'enter_pre_hire', '', ''],
          ['B1-V2', 'B1', '2022-06-30', 'exit', 'moved_away', ''],
        ),
      });
      expect(first.job.errors).toEqual([]);
      const afterExit: ContractTerms = {
        type: 'cdi',
        signedOn: '2022-09-01',
        start: '2022-09-05',
        plannedEnd: null,
        jobTitle: 'Vendeuse',
      };
      const { job } = await importHistory(coordinator, {
        'contracts.csv': csv(
          CONTRACTS,
          contractRow('B1-C1', 'B1', 'BE1', afterExit),
          // Signed while in pre-hire: accepted, though the person has left since.
          contractRow('B1-C0', 'B1', 'BE1', { ...afterExit, signedOn: '2022-03-01', start: '2022-03-07' }),
        ),
      });
      // The same contract signed through the API for that same person, with that same employer.
      const stored = await person('Stored');
      const employer = await t.handle.db
        .selectFrom('employer')
        .select('id')
        .where('name', '=', 'Boulangerie Stored')
        .executeTakeFirstOrThrow();
      const message = await apiRefusal(stored.id, afterExit, employer.id);
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([signedOnError(2, message)]);
      expect(job.counts.contract).toMatchObject({ created: 1, errors: 1 });
    });

    it('refuses a contract of a person who had not entered pre-hire when it was signed', async () => {
      const terms: ContractTerms = {
        type: 'immersion',
        signedOn: '2022-03-01',
        start: '2022-03-07',
        plannedEnd: '2022-03-18',
        jobTitle: 'Magasinier (stage)',
      };
      const { job } = await importHistory(coordinator, {
        'persons.csv': csv(
          PERSONS,
          ['C1', 'Ana', 'Never', 'woman', '2022-01-03'],
          ['C2', 'Tom', 'Later', 'man', '2022-01-03'],
        ),
        'employers.csv': csv(['external_id', 'name'], ['CE1', 'Entrepôt Never']),
        // C1 never enters pre-hire; C2 enters it after the contract's signature.
        'events.csv': csv(EVENTS, ['C2-V1', 'C2', '2022-04-01', 'enter_pre_hire', '', '']),
        'contracts.csv': csv(
          CONTRACTS,
          contractRow('C1-C1', 'C1', 'CE1', terms),
          contractRow('C2-C1', 'C2', 'CE1', terms),
        ),
      });
      const message = await apiRefusal(await apiPerson('intake'), terms);
      expect(message).toMatch(/encore à l’accueil/);
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([signedOnError(2, message), signedOnError(3, message)]);
    });

    it('skips rather than refuses a contract signed when the trajectory is in error', async () => {
      const terms = (signedOn: string): ContractTerms => ({
        type: 'cdd',
        signedOn,
        start: signedOn,
        plannedEnd: '2022-12-31',
        jobTitle: 'Plongeur',
      });
      const message = await apiRefusal(await apiPerson('intake'), terms('2022-02-01'));
      const { job } = await importHistory(coordinator, {
        'persons.csv': csv(
          PERSONS,
          ['E1', 'Eva', 'Wrong', 'woman', '2022-01-03'],
          ['E2', 'Max', 'Unreadable', 'man', '2022-01-03'],
        ),
        'employers.csv': csv(['external_id', 'name'], ['EE1', 'Restaurant Wrong']),
        // E1's hiring without an entry into pre-hire is an error: from its date on, E1's phase is not
        // known. E2's only event cannot be read.
        'events.csv': csv(
          EVENTS,
          ['E1-V1', 'E1', '2022-03-01', 'start_hiring', '', ''],
          ['E2-V1', 'E2', '31/02/2022', 'enter_pre_hire', '', ''],
        ),
        'contracts.csv': csv(
          CONTRACTS,
          contractRow('E1-C1', 'E1', 'EE1', terms('2022-02-01')),
          contractRow('E1-C2', 'E1', 'EE1', terms('2022-04-01')),
          contractRow('E2-C1', 'E2', 'EE1', terms('2022-04-01')),
        ),
      });
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([
        signedOnError(2, message),
        expect.objectContaining({ file: 'events.csv', line: 2, field: 'event' }),
        expect.objectContaining({ file: 'events.csv', line: 3, field: 'date' }),
      ]);
      expect(job.skipped).toEqual([
        {
          file: 'contracts.csv',
          line: 3,
          message:
            'Ligne ignorée : le parcours de la personne « E1 » a un événement en erreur (ligne 2, events.csv) : sa phase à la date de signature ne peut pas être vérifiée.',
        },
        {
          file: 'contracts.csv',
          line: 4,
          message:
            'Ligne ignorée : le parcours de la personne « E2 » a un événement en erreur (ligne 3, events.csv) : sa phase à la date de signature ne peut pas être vérifiée.',
        },
      ]);
    });

    /**
     * Three persons: A left on 30 June and has a contract signed after (refused) and an immersion
     * signed the day she entered pre-hire (accepted); B had a contract signed before entering
     * pre-hire (refused), which his hiring and follow-up name and a renewal continues (skipped);
     * C's contracts, one signed the day of his exit, are accepted.
     */
    const mixed = {
      afterExit: {
        type: 'cdd',
        signedOn: '2022-07-15',
        start: '2022-08-01',
        plannedEnd: '2022-12-31',
        jobTitle: 'Caissière',
      },
      beforeEntry: {
        type: 'cdd',
        signedOn: '2022-03-01',
        start: '2022-04-15',
        plannedEnd: '2022-10-14',
        jobTitle: 'Manutentionnaire',
      },
      files: () => ({
        'persons.csv': csv(
          PERSONS,
          ['D-A', 'Alice', 'Mixte-A', 'woman', '2022-01-03'],
          ['D-B', 'Bruno', 'Mixte-B', 'man', '2022-01-03'],
          ['D-C', 'Cédric', 'Mixte-C', 'man', '2022-01-03'],
        ),
        'employers.csv': csv(['external_id', 'name'], ['DE1', 'Supermarché Mixte']),
        'events.csv': csv(
          EVENTS,
          ['DA-V1', 'D-A', '2022-01-10', 'enter_pre_hire', '', ''],
          ['DA-V2', 'D-A', '2022-06-30', 'exit', 'left_voluntarily', ''],
          ['DB-V1', 'D-B', '2022-04-01', 'enter_pre_hire', '', ''],
          ['DB-V2', 'D-B', '2022-04-15', 'start_hiring', '', 'DB-C1'],
          ['DB-V3', 'D-B', '2022-05-01', 'start_follow_up', '', 'DB-C1'],
          ['DC-V1', 'D-C', '2022-01-10', 'enter_pre_hire', '', ''],
          ['DC-V2', 'D-C', '2022-02-01', 'start_hiring', '', 'DC-C1'],
          ['DC-V3', 'D-C', '2022-02-15', 'start_follow_up', '', 'DC-C1'],
          ['DC-V4', 'D-C', '2022-09-30', 'exit', 'consolidated_insertion', ''],
        ),
        'contracts.csv': csv(
          CONTRACTS,
          contractRow('DA-C1', 'D-A', 'DE1', mixed.afterExit),
          contractRow('DA-C0', 'D-A', 'DE1', {
            type: 'immersion',
            signedOn: '2022-01-10',
            start: '2022-01-17',
            plannedEnd: '2022-01-28',
            jobTitle: 'Réassort (stage)',
          }),
          contractRow('DB-C1', 'D-B', 'DE1', mixed.beforeEntry, {
            actualEnd: '2022-10-14',
            reason: 'renewed',
          }),
          contractRow(
            'DB-C2',
            'D-B',
            'DE1',
            {
              type: 'cdd',
              signedOn: '2022-10-10',
              start: '2022-10-15',
              plannedEnd: '2023-04-14',
              jobTitle: 'Manutentionnaire',
            },
            { continues: 'DB-C1' },
          ),
          contractRow('DC-C1', 'D-C', 'DE1', {
            type: 'cdi',
            signedOn: '2022-02-01',
            start: '2022-02-15',
            plannedEnd: null,
            jobTitle: 'Boucher',
          }),
          contractRow('DC-C2', 'D-C', 'DE1', {
            type: 'cdi',
            signedOn: '2022-09-30',
            start: '2022-10-01',
            plannedEnd: null,
            jobTitle: 'Chef boucher',
          }),
        ),
      }),
    };
    const lineOf = (s: { file: string; line: number }) => `${s.file}:${s.line}`;

    it('refuses those contracts and the events that name them in every mode; valid-only imports the rest', async () => {
      const exitMessage = await apiRefusal(await apiPerson('exited'), mixed.afterExit);
      const intakeMessage = await apiRefusal(await apiPerson('intake'), mixed.beforeEntry);
      const expectedErrors = [signedOnError(2, exitMessage), signedOnError(4, intakeMessage)];
      const expectedSkipped = ['contracts.csv:5', 'events.csv:5', 'events.csv:6'];

      const before = await tableCounts(t);
      const allOrNothing = (await importHistory(coordinator, mixed.files())).job;
      const dryRun = (await importHistory(coordinator, mixed.files(), { dryRun: true })).job;
      const dryValidOnly = (
        await importHistory(coordinator, mixed.files(), { dryRun: true, validOnly: true })
      ).job;
      for (const job of [allOrNothing, dryRun, dryValidOnly]) {
        expect(job.written).toBe(false);
        expect(job.errors).toEqual(expectedErrors);
        expect(job.skipped.map(lineOf)).toEqual(expectedSkipped);
      }
      expect(allOrNothing.status).toBe('failed');
      expect(await tableCounts(t)).toEqual({ ...before, import_job: before.import_job! + 3 });

      const { job } = await importHistory(coordinator, mixed.files(), { validOnly: true });
      expect(job).toMatchObject({ status: 'done', written: true });
      expect(job.errors).toEqual(expectedErrors);
      expect(job.skipped.map(lineOf)).toEqual(expectedSkipped);
      expect(job.skipped[0].message).toContain('« DB-C1 »');
      expect(job.skipped[1].message).toContain('« DB-C1 » (contracts) n’est pas importé');
      expect(job.skipped[2].message).toContain('suit l’événement de la ligne 5');
      expect(job.counts.contract).toMatchObject({ created: 3, errors: 2, skipped: 1 });
      expect(job.counts.event).toMatchObject({ created: 7 });
      expect(dryValidOnly.counts).toEqual(job.counts);

      const contractsOf = async (lastName: string) =>
        (
          await t.handle.db
            .selectFrom('contract')
            .select('job_title')
            .where('person_id', '=', (await person(lastName)).id)
            .orderBy('signed_on')
            .execute()
        ).map((c) => c.job_title);
      expect(await person('Mixte-A')).toMatchObject({ phase: 'exited', phase_since: '2022-06-30' });
      expect(await contractsOf('Mixte-A')).toEqual(['Réassort (stage)']);
      // B keeps his entry into pre-hire; the hiring and follow-up that named the refused contract are out.
      expect(await person('Mixte-B')).toMatchObject({ phase: 'pre_hire', phase_since: '2022-04-01' });
      expect(await contractsOf('Mixte-B')).toEqual([]);
      expect(await person('Mixte-C')).toMatchObject({ phase: 'exited', phase_since: '2022-09-30' });
      expect(await contractsOf('Mixte-C')).toEqual(['Boucher', 'Chef boucher']);
    });
  });
}

import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createEmployer,
  createPreHirePerson,
  createVacancy,
  employerBody,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
  tableCounts,
  vacancyBody,
  waitForImport,
} from './helpers.ts';

const UUID = '00000000-0000-4000-8000-000000000000';

/**
 * The generic fuzz test (routes.test.ts) rarely builds a valid body for these routes; this one
 * starts from mostly valid bodies (so that the success paths run) and perturbs them: never a 5xx,
 * never a partial write, and the employer, vacancy and presentation stay readable.
 */
describe.each(testTargets())(
  'employer, vacancy and presentation routes under fuzzing on $driver',
  (target) => {
    let t: TestApp;
    let admin: Client;
    let coach: Client;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(target);
      let orgId: string;
      ({ admin, organisationId: orgId } = await setupInstallation(t));
      await addUser(t, orgId, 'coach@example.org', 'jobcoach');
      coach = await loginAs(t, 'coach@example.org');
      const today = t.clock.today();
      const employerId: string = (await createEmployer(coach, employerBody({ bce: '0403.170.701' }))).id;
      ids.employer = employerId;
      ids.vacancy = (await createVacancy(coach, vacancyBody(employerId, today))).id;
      ids.person = (await createPreHirePerson(coach, today)).id;
      ids.presentation = (
        await coach.post('/api/presentations', { personId: ids.person, vacancyId: ids.vacancy })
      ).json.id;
    });
    afterAll(async () => {
      await t?.close();
    });

    async function currentVersion(url: string, id: string): Promise<number> {
      if (url.startsWith('/api/employers')) return (await coach.get(`/api/employers/${id}`)).json.version;
      if (url.startsWith('/api/vacancies')) return (await coach.get(`/api/vacancies/${id}`)).json.version;
      const all = (await coach.get('/api/presentations?limit=1000')).json as {
        id: string;
        version: number;
      }[];
      return all.find((p) => p.id === id)?.version ?? 1;
    }

    it('never answers 5xx nor writes partially, and keeps every record readable', async () => {
      const today = t.clock.today();
      const scalar = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.integer({ min: -3, max: 1000 }),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom(
          UUID,
          ids.employer!,
          ids.vacancy!,
          ids.person!,
          today,
          addDays(today, 1),
          '2024-02-30',
          '0403.170.701',
          '0123.456.789',
          'a\u0000b',
          '',
          'x'.repeat(3000),
          'cdd',
          'cdi',
          'open',
          'closed',
          'visit',
          'canvassing',
          'discussed',
          'hired',
          'declined',
          'cv',
          'fr',
          'fluent',
          '56.10',
        ),
      );
      /** Mostly plain text (so that the success paths run), sometimes anything. */
      const anyText = fc.oneof(
        { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-zéè' -]{1,12}$/).filter((v) => v.trim() !== '') },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      );
      /** Mostly the valid value, sometimes a wrong one. */
      const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
        fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
      const version = fc.integer({ min: 1, max: 6 });
      const requirements = fc.record(
        {
          text: anyText,
          diplomaLevel: mostly(fc.constantFrom(null, 'ceb', 'cess'), fc.constant('doctorat')),
          languages: fc.array(
            fc.record({
              code: mostly(fc.constantFrom('fr', 'Allemand', 'nl'), fc.constantFrom('', 'x'.repeat(40))),
              level: mostly(fc.constantFrom('reads', 'fluent'), fc.constant('native')),
            }),
            { maxLength: 2 },
          ),
          drivingLicence: fc.boolean(),
          experienceYears: mostly(fc.constantFrom(null, 0, 2), fc.constantFrom(-1, 41)),
        },
        { requiredKeys: [] },
      );
      const csvRow = fc.tuple(
        anyText,
        fc.constantFrom('CDI', 'CDD', 'Stage', ''),
        fc.constantFrom(today, '31/02/2024', ''),
      );
      const valid: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
        'POST /api/employers': fc.record({
          name: anyText,
          bce: fc.constantFrom(null, '0403.170.701', '0202.239.951'),
          sector: fc.constantFrom('private', 'public'),
          status: fc.constantFrom('prospect', 'partner'),
          reference: fc.option(fc.record({ name: anyText, email: fc.constantFrom('', 'a@b.be', 'nope') })),
          notes: anyText,
        }),
        'PATCH /api/employers/:id': fc.record({
          name: anyText,
          notes: anyText,
          naceCode: mostly(fc.constantFrom('I', '56.1', null), fc.constant('Z')),
          version,
        }),
        'POST /api/employers/:id/contacts': fc.record({
          date: mostly(fc.constantFrom(today, addDays(today, -200)), fc.constant(addDays(today, 2))),
          channel: fc.constantFrom('visit', 'phone', 'letter_email'),
          purpose: fc.constantFrom('canvassing', 'vacancy'),
          personId: mostly(fc.constantFrom(null, ids.person!), fc.constant(UUID)),
          confirmOverlap: fc.boolean(),
        }),
        'POST /api/vacancies': fc.record({
          employerId: mostly(fc.constant(ids.employer!), fc.constant(UUID)),
          title: anyText,
          source: fc.constantFrom('forem', 'other'),
          sourceRef: fc.option(anyText),
          contract: fc.record({
            type: fc.constantFrom('cdi', 'cdd'),
            months: mostly(fc.constant(null), fc.integer({ min: 0, max: 130 })),
          }),
          hoursPerWeek: mostly(
            fc.option(fc.double({ min: 1, max: 60, noNaN: true })),
            fc.constantFrom(-1, 70),
          ),
          schedule: mostly(
            fc.array(fc.constantFrom('day', 'night'), { maxLength: 2 }),
            fc.constant(['morning']),
          ),
          published: requirements,
          objectified: fc.option(fc.record({ text: anyText, taskDescription: anyText })),
          status: fc.constantFrom('open', 'filled', 'closed'),
          openedOn: mostly(fc.constantFrom(today, addDays(today, -30)), fc.constant('2024-02-30')),
          closedOn: mostly(fc.constantFrom(null, today), fc.constant(addDays(today, -60))),
        }),
        'PATCH /api/vacancies/:id': fc.record({
          title: anyText,
          status: fc.constantFrom('open', 'closed'),
          published: requirements,
          version,
        }),
        'POST /api/presentations': fc.record({
          personId: mostly(fc.constant(ids.person!), fc.constant(UUID)),
          vacancyId: mostly(fc.constant(ids.vacancy!), fc.constant(UUID)),
        }),
        'POST /api/presentations/:id/steps': fc.record({
          step: fc.constantFrom(
            'discussed',
            'applied',
            'declined',
            'introduced',
            'interview',
            'hired',
            'withdrawn',
          ),
          date: mostly(fc.constant(today), fc.constantFrom(addDays(today, -400), addDays(today, 1))),
          reason: fc.option(anyText),
          channel: fc.option(fc.constantFrom('cv', 'phone', 'fax')),
          version,
        }),
        'POST /api/vacancies/import/preview': fc.array(csvRow, { maxLength: 4 }).map((rows) => ({
          csv: [
            'Référence;Intitulé;Employeur;Contrat;Date',
            ...rows.map(([r, c, d], i) => `R${i};${r};E;${c};${d}`),
          ].join('\n'),
        })),
        'POST /api/vacancies/import': fc.array(csvRow, { maxLength: 4 }).map((rows) => ({
          csv: [
            'Référence;Intitulé;Employeur;Contrat;Date',
            ...rows.map(([r, c, d], i) => `R${i};${r};E;${c};${d}`),
          ].join('\n'),
          mapping: {
            sourceRef: 'Référence',
            title: 'Intitulé',
            employerName: 'Employeur',
            contractType: 'Contrat',
            openedOn: 'Date',
          },
        })),
      };
      const perturbation = fc.oneof(
        { weight: 2, arbitrary: fc.constant({}) },
        {
          weight: 1,
          arbitrary: fc.dictionary(
            fc.constantFrom(
              'name',
              'bce',
              'sector',
              'status',
              'title',
              'contract',
              'published',
              'step',
              'version',
              'date',
              'csv',
              'mapping',
              'validOnly',
            ),
            scalar,
            { maxKeys: 2 },
          ),
        },
      );
      const routes = t.app.routeTable.filter((r) =>
        /^\/api\/(employers|vacancies|presentations)|\/matches$/.test(r.url),
      );
      expect(routes.length).toBeGreaterThanOrEqual(16);
      const query = fc.dictionary(
        fc.constantFrom(
          'q',
          'status',
          'sector',
          'employerId',
          'vacancyId',
          'personId',
          'compatibleOnly',
          'limit',
          'offset',
          'bce',
        ),
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.constantFrom('a\u0000', '%_\\', 'open', 'true', ids.vacancy!, '0', '0403170701'),
        ),
        { maxKeys: 3 },
      );
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...routes)
            .chain((route) =>
              fc.tuple(
                fc.constant(route),
                valid[`${route.method} ${route.url}`] ?? fc.constant({}),
                perturbation,
              ),
            ),
          fc.constantFrom(UUID, 'nope', ids.employer!, ids.vacancy!, ids.person!, ids.presentation!),
          query,
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          async ([route, base, change], anyId, q, asAdmin, wrongId, follow) => {
            // Mostly the id the route expects, with its current version; sometimes any id.
            const own = route.url.startsWith('/api/employers')
              ? ids.employer!
              : route.url.startsWith('/api/presentations')
                ? ids.presentation!
                : route.url.startsWith('/api/persons')
                  ? ids.person!
                  : ids.vacancy!;
            const id = wrongId ? anyId : own;
            const payload: Record<string, unknown> = { ...base, ...change };
            if (!wrongId && !('version' in change) && 'version' in base) {
              payload.version = await currentVersion(route.url, id);
            }
            // Half the time, the step the workflow allows next, with what it needs.
            if (route.url.endsWith('/steps') && !wrongId && follow && !('step' in change)) {
              const all = (await coach.get('/api/presentations?limit=1000')).json as {
                id: string;
                allowedSteps: { step: string }[];
              }[];
              const next = all.find((p) => p.id === id)?.allowedSteps[0]?.step;
              if (next) {
                payload.step = next;
                payload.reason = 'Motif précisé';
                payload.channel = next === 'introduced' ? 'cv' : null;
              }
            }
            const client = asAdmin ? admin : coach;
            const before = await tableCounts(t);
            const url =
              route.url.replace(':id', id).replace(':jobId', UUID) +
              (route.method === 'GET' ? `?${new URLSearchParams(q as Record<string, string>)}` : '');
            const res = await client.request(
              route.method as 'POST',
              url,
              route.method === 'GET' ? undefined : payload,
            );
            expect(res.status, `${route.method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
            if (res.status === 202) await waitForImport(client, res.json.jobId);
            if (res.status >= 400) {
              expect(await tableCounts(t), `${route.method} ${url}`).toEqual(before);
            } else if (route.method !== 'GET') {
              for (const check of [
                `/api/employers/${ids.employer}`,
                `/api/vacancies/${ids.vacancy}`,
                `/api/vacancies/${ids.vacancy}/matches`,
                `/api/persons/${ids.person}/matches`,
                `/api/presentations?vacancyId=${ids.vacancy}`,
                '/api/employers',
                '/api/vacancies',
              ]) {
                const read = await coach.get(check);
                expect(read.status, `${check} after ${route.method} ${url} ${JSON.stringify(payload)}`).toBe(
                  200,
                );
              }
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  },
);

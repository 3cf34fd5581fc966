import { testTargets } from '@jobcoach/db/testing';
import { addDays, COACHABILITY_CONDITIONS } from '@jobcoach/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createPerson,
  loginAs,
  move,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
  tableCounts,
} from './helpers.ts';

const UUID = '00000000-0000-4000-8000-000000000000';

/**
 * The generic fuzz test (routes.test.ts) knows the foundation's field names; this one throws the
 * trajectory routes' own fields at them, with nested referral, conditions, transition fields and
 * cadence, extreme dates and NUL characters: never a 5xx, never a partial write, and every file
 * written stays readable.
 */
describe.each(testTargets())('trajectory routes under fuzzing on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coach: Client;
  let orgId: string;
  let coachId: string;
  let otherId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin, organisationId: orgId } = await setupInstallation(t));
    coachId = await addUser(t, orgId, 'coach@example.org', 'jobcoach');
    otherId = await addUser(t, orgId, 'other@example.org', 'jobcoach');
    coach = await loginAs(t, 'coach@example.org');
    const today = t.clock.today();
    const partner = await coach.post('/api/partners', { name: 'Lire et Écrire', type: 'association' });
    const intake = await createPerson(coach, personBody(addDays(today, -40)));
    const preHire = await createPerson(coach, personBody(addDays(today, -40), { firstName: 'Paul' }));
    await move(coach, preHire.id, 'enter_pre_hire', {
      date: addDays(today, -30),
      trustContractSignedOn: addDays(today, -30),
    });
    ids.push(partner.json.id, intake.id, preHire.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('never answers 5xx nor writes partially, and keeps every file readable', async () => {
    const today = t.clock.today();
    const [partnerId, intakeId, preHireId] = ids as [string, string, string];
    const scalar = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer({ min: -5, max: 5 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        UUID,
        partnerId,
        intakeId,
        coachId,
        orgId,
        today,
        addDays(today, -3),
        addDays(today, 1),
        '1900-01-01',
        '2100-12-31',
        '0001-01-01',
        '9999-12-31',
        '2024-02-30',
        'a\u0000b',
        '',
        'x'.repeat(3000),
        '75041212353',
        '75041212354',
        'cdd',
        'cdi',
        'person',
        'phone',
        'partner',
        'spontaneous',
        'accepted',
        'postponed',
        'redirected',
        'enter_pre_hire',
        'start_hiring',
        'start_follow_up',
        'return_to_pre_hire',
        'exit',
        'cdd_ended',
        'left_voluntarily',
        'other',
        'woman',
        'mon',
        '{{nom}}',
        '{{inconnu}}',
      ),
    );
    const dict = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), scalar, { maxKeys: 6 });
    const referral = dict([
      'kind',
      'partnerId',
      'receivedOn',
      'informationSessionOn',
      'consentOn',
      'consentScope',
    ]);
    const fields = dict([
      'date',
      'trustContractSignedOn',
      'employerId',
      'contractKind',
      'contractStart',
      'contractEnd',
      'returnReason',
      'exitReason',
      'reasonDetail',
    ]);
    const conditions = fc.record(
      Object.fromEntries(
        COACHABILITY_CONDITIONS.map((c) => [c, fc.record({ met: fc.boolean(), comment: scalar })]),
      ) as Record<string, fc.Arbitrary<{ met: boolean; comment: unknown }>>,
    );
    const cadence = fc.record({
      preHireDays: fc.oneof(fc.integer({ min: -2, max: 400 }), scalar),
      followUp: fc.array(
        fc.record({ untilMonth: fc.integer({ min: -1, max: 13 }), days: fc.integer({ min: 0, max: 40 }) }),
        {
          maxLength: 4,
        },
      ),
    });
    const top = [
      'firstName',
      'lastName',
      'birthDate',
      'sex',
      'niss',
      'phone',
      'email',
      'postcode',
      'monthsWithoutJob',
      'coachId',
      'version',
      'assessedOn',
      'decision',
      'reviewDate',
      'redirectPartnerId',
      'reason',
      'signedOn',
      'transitionId',
      'date',
      'personPresent',
      'employerId',
      'channel',
      'durationMinutes',
      'nextPlannedOn',
      'kind',
      'start',
      'end',
      'from',
      'to',
      'coverCoachId',
      'personsPerFte',
      'trustContractTemplate',
      'name',
      'type',
      'contact',
    ];
    const anyText = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));
    const version = fc.integer({ min: 1, max: 8 });
    const date = fc.constantFrom(today, addDays(today, -2), addDays(today, -400));
    /** A mostly valid body per route, so that the success paths run too; perturbed below. */
    const valid: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
      'POST /api/partners': fc.record({
        name: anyText,
        type: fc.constantFrom('cpas', 'health'),
        contact: anyText,
      }),
      'PATCH /api/partners/:id': fc.record({ name: anyText, version }),
      'POST /api/persons': fc.record({
        firstName: anyText,
        lastName: anyText,
        birthDate: fc.constantFrom(null, '1975-04-12', '2003-02-15'),
        sex: fc.constant('man'),
        niss: fc.constantFrom(null, '75041212353', '03021545673'),
        phone: fc.constantFrom(null, '0471 00 00 00'),
        languages: fc.array(anyText, { maxLength: 3 }),
        referral: fc.record({
          kind: fc.constantFrom('spontaneous', 'partner'),
          partnerId: fc.constant(partnerId),
          receivedOn: date,
        }),
      }),
      'PATCH /api/persons/:id': fc.record({ notes: anyText, firstName: anyText, version }),
      'POST /api/persons/:id/assessments': fc.record({
        assessedOn: fc.constant(today),
        conditions: fc.record(
          Object.fromEntries(
            COACHABILITY_CONDITIONS.map((c) => [
              c,
              fc.record({
                met: fc.oneof(
                  { weight: 5, arbitrary: fc.constant(true) },
                  { weight: 1, arbitrary: fc.constant(false) },
                ),
                comment: anyText,
              }),
            ]),
          ) as Record<string, fc.Arbitrary<{ met: boolean; comment: string }>>,
        ),
        decision: fc.constantFrom('accepted', 'postponed', 'redirected'),
        reviewDate: fc.constant(addDays(today, 5)),
        redirectPartnerId: fc.constant(partnerId),
        reason: anyText,
      }),
      'POST /api/persons/:id/transitions': fc.record({
        transitionId: fc.constantFrom(
          'enter_pre_hire',
          'start_hiring',
          'start_follow_up',
          'return_to_pre_hire',
          'exit',
        ),
        fields: fc.record({
          date: fc.constant(today),
          trustContractSignedOn: fc.constant(today),
          employerId: anyText,
          contractKind: fc.constantFrom('cdd', 'cdi'),
          contractStart: date,
          returnReason: fc.constantFrom('other', 'cdd_ended', 'hiring_failed'),
          exitReason: fc.constantFrom('other', 'moved_away'),
          reasonDetail: anyText,
        }),
        version,
      }),
      'POST /api/persons/:id/contacts': fc.record({
        date,
        personPresent: fc.boolean(),
        channel: fc.constantFrom('phone', 'letter_email'),
        notes: anyText,
        nextPlannedOn: fc.constantFrom(null, addDays(today, 3)),
      }),
      'POST /api/persons/:id/employment-periods': fc.record({
        kind: fc.constantFrom('cdd', 'cdi'),
        start: date,
        end: fc.constantFrom(null, today),
      }),
      'PUT /api/persons/:id/trust-contract': fc.record({ signedOn: date }),
      'POST /api/absences': fc.record({
        from: fc.constant(today),
        to: fc.constant(addDays(today, 3)),
        coverCoachId: fc.constant(otherId),
      }),
      'PUT /api/organisations/:id/settings': fc.record({
        personsPerFte: fc.constantFrom(20, 15.5),
        cadence,
        trustContractTemplate: fc.oneof(anyText, fc.constant('{{prenom}} {{nom}}')),
        version: fc.integer({ min: 0, max: 4 }),
      }),
    };
    const perturbation = fc.oneof(
      fc.constant({}),
      dict(top).map((d) => Object.fromEntries(Object.entries(d).slice(0, 2))),
      fc
        .tuple(
          fc.option(referral),
          fc.option(fields),
          fc.option(conditions),
          fc.option(fc.array(scalar, { maxLength: 3 })),
        )
        .map(([r, f, c, list]) => ({
          ...(r ? { referral: r } : {}),
          ...(f ? { fields: f } : {}),
          ...(c ? { conditions: c } : {}),
          ...(list ? { languages: list, scheduleDays: list } : {}),
        })),
    );
    const routes = t.app.routeTable.filter(
      (r) =>
        /^\/api\/(persons|partners|absences|my-day)|\/settings$/.test(r.url) && r.url !== '/api/test/clock',
    );
    expect(routes.length).toBeGreaterThan(15);
    const query = fc.dictionary(
      fc.constantFrom('q', 'phase', 'coachId', 'decision', 'limit', 'offset'),
      fc.oneof(
        fc.string({ maxLength: 10 }),
        fc.constantFrom('a\u0000', '%_\\', 'pre_hire', 'none', coachId, '0'),
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
        fc.constantFrom(UUID, 'nope', intakeId, intakeId, preHireId, preHireId, partnerId, orgId),
        query,
        fc.boolean(),
        async ([route, base, change], id, q, asAdmin) => {
          const payload = { ...base, ...change };
          const client = asAdmin ? admin : coach;
          const before = await tableCounts(t);
          const url =
            route.url
              .replace(':id', route.url.startsWith('/api/organisations') ? orgId : id)
              .replace(':periodId', UUID) +
            (route.method === 'GET' ? `?${new URLSearchParams(q as Record<string, string>)}` : '');
          const res = await client.request(
            route.method as 'POST',
            url,
            route.method === 'GET' || route.method === 'DELETE' ? undefined : payload,
          );
          expect(res.status, `${route.method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(await tableCounts(t), `${route.method} ${url}`).toEqual(before);
          } else if (route.method !== 'GET') {
            // The files as the administrator reads them (a write may legitimately move a person out
            // of the coach's caseload, e.g. a coordinator unassigning them), the coach's lists as
            // the coach reads them.
            for (const [reader, check] of [
              [admin, `/api/persons/${intakeId}`],
              [admin, `/api/persons/${preHireId}`],
              [coach, '/api/my-day'],
              [coach, '/api/persons'],
            ] as const) {
              const read = await reader.get(check);
              expect(read.status, `${check} after ${route.method} ${url} ${JSON.stringify(payload)}`).toBe(
                200,
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 180_000);
});

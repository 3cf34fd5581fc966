import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUniqueBce } from '../src/employers/queries.ts';
import {
  addUser,
  type Client,
  createEmployer,
  createOrganisation,
  employerBody,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

/** A valid enterprise number built on an 8-digit base starting with 0 or 1. */
function bce(base: number): string {
  const head = String(base).padStart(8, '0');
  return `${head}${String(97 - (Number(head) % 97)).padStart(2, '0')}`;
}

describe.each(testTargets())('employer registry on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  /** CPAS de Fleurus (basin Charleroi). */
  let coachA: Client;
  /** Another organisation of the Charleroi basin. */
  let coachB: Client;
  /** An organisation of the Namur basin. */
  let coachC: Client;
  let evaluatorA: Client;
  let orgA: string;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    let charleroi: string;
    ({ admin, organisationId: orgA, basinId: charleroi } = await setupInstallation(t));
    const basins = (await admin.get('/api/basins')).json as { id: string; name: string }[];
    const namur = basins.find((b) => b.name === 'Namur')!.id;
    const orgB = await createOrganisation(admin, 'Mission régionale de Charleroi', charleroi);
    const orgC = await createOrganisation(admin, 'FORMA Namur', namur);
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    await addUser(t, orgB, 'bruno@mirec.example', 'jobcoach');
    await addUser(t, orgC, 'claire@forma.example', 'jobcoach');
    coachA = await loginAs(t, 'karim@fleurus.example');
    evaluatorA = await loginAs(t, 'eva@fleurus.example');
    coachB = await loginAs(t, 'bruno@mirec.example');
    coachC = await loginAs(t, 'claire@forma.example');
    today = t.clock.today();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an invalid enterprise number (mod 97) with a 400 naming the field', async () => {
    const res = await coachA.post('/api/employers', employerBody({ bce: '0123.456.789' }));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'validation', field: 'bce' });
    expect(res.json.error.message).toMatch(/BCE/);
    const lookup = await coachA.get('/api/employers/lookup?bce=0123456789');
    expect(lookup.status).toBe(400);
    expect(lookup.json.error.field).toBe('bce');
  });

  it('registers an employer with its reference person, and offers it instead of a duplicate', async () => {
    const number = bce(4031701);
    const created = await createEmployer(
      coachA,
      employerBody({
        name: 'Boulangerie Dumont',
        bce: `BE ${number.slice(0, 4)}.${number.slice(4, 7)}.${number.slice(7)}`,
        naceCode: '1071',
        sizeClass: 'lt10',
        sector: 'private',
        address: 'Rue de la Station 4',
        postcode: '6220',
        commune: 'Fleurus',
        reference: {
          name: 'Marc Dumont',
          role: 'Patron',
          phone: '071 00 00 00',
          email: 'Marc@Dumont.example',
        },
        status: 'prospect',
      }),
    );
    expect(created).toMatchObject({
      name: 'Boulangerie Dumont',
      bce: number,
      naceCode: '10.71',
      sizeClass: 'lt10',
      reference: { name: 'Marc Dumont', role: 'Patron', email: 'marc@dumont.example' },
      status: 'prospect',
      version: 1,
      contacts: [],
      basinActivity: [],
      vacancies: [],
    });

    // The same enterprise number, spelled otherwise, by another organisation of the basin.
    const duplicate = await coachB.post('/api/employers', employerBody({ name: 'Dumont SPRL', bce: number }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error).toMatchObject({
      code: 'duplicate_employer',
      field: 'bce',
      existingId: created.id,
    });
    expect(duplicate.json.error.message).toMatch(/Boulangerie Dumont/);

    const lookup = await coachB.get(`/api/employers/lookup?bce=${number.slice(1)}`);
    expect(lookup.status).toBe(200);
    expect(lookup.json.existing).toMatchObject({ id: created.id, name: 'Boulangerie Dumont', bce: number });
    expect((await coachB.get(`/api/employers/lookup?bce=${bce(4031702)}`)).json).toEqual({ existing: null });

    // Another basin keeps its own registry: nothing is offered, and it may register the same firm.
    expect((await coachC.get(`/api/employers/lookup?bce=${number}`)).json).toEqual({ existing: null });
    const inNamur = await coachC.post(
      '/api/employers',
      employerBody({ name: 'Boulangerie Dumont', bce: number }),
    );
    expect(inNamur.status).toBe(201);
    expect(inNamur.json.id).not.toBe(created.id);

    // Changing another employer's BCE to this one is refused the same way.
    const other = await createEmployer(coachA, employerBody({ name: 'Garage Lambert' }));
    const patch = await coachA.patch(`/api/employers/${other.id}`, { bce: number, version: other.version });
    expect(patch.status).toBe(409);
    expect(patch.json.error.existingId).toBe(created.id);
  });

  it('shows who else in the basin works with an employer, never their notes, and nothing to other basins', async () => {
    const e = await createEmployer(
      coachA,
      employerBody({
        name: 'Maison de repos Les Tilleuls',
        commune: 'Fleurus',
        notes: 'Direction exigeante',
      }),
    );
    const phoned = addDays(today, -10);
    const contact = await coachA.post(`/api/employers/${e.id}/contacts`, {
      date: phoned,
      channel: 'phone',
      purpose: 'canvassing',
      notes: 'Besoin de deux aides-soignantes, à rappeler en mai',
    });
    expect(contact.status).toBe(201);
    expect(contact.json.contacts).toMatchObject([
      { date: phoned, channel: 'phone', purpose: 'canvassing', direct: true, authorName: 'karim' },
    ]);
    // A direct contact moves a prospect to "contacted".
    expect(contact.json.status).toBe('contacted');
    // A letter is not a direct contact; a phone call 7 months ago is too old to count.
    await coachA.post(`/api/employers/${e.id}/contacts`, {
      date: addDays(today, -2),
      channel: 'letter_email',
      purpose: 'canvassing',
    });

    const seenByB = await coachB.get(`/api/employers/${e.id}`);
    expect(seenByB.status).toBe(200);
    expect(seenByB.json.basinActivity).toEqual([
      { organisationName: 'CPAS de Fleurus', coachName: 'karim', date: phoned },
    ]);
    expect(seenByB.json.contacts).toEqual([]);
    expect(seenByB.json.ownNotes).toBeNull();
    expect(seenByB.json.notes).toBeNull();
    const raw = JSON.stringify(seenByB.json);
    expect(raw).not.toMatch(/exigeante|aides-soignantes/);
    const listB = (await coachB.get('/api/employers?q=tilleuls')).json;
    expect(listB).toMatchObject([{ id: e.id, followedBy: ['CPAS de Fleurus'], lastOwnContact: null }]);

    // B is warned before canvassing it: 409 basin_overlap, in French, naming A and the date.
    const body = { date: today, channel: 'visit', purpose: 'canvassing', notes: 'Visite spontanée' };
    const warned = await coachB.post(`/api/employers/${e.id}/contacts`, body);
    expect(warned.status).toBe(409);
    expect(warned.json.error.code).toBe('basin_overlap');
    const [y, m, d] = phoned.split('-');
    expect(warned.json.error.message).toContain(
      `Cet employeur est suivi par CPAS de Fleurus (karim), contact direct le ${d}/${m}/${y}. Confirmez pour enregistrer quand même.`,
    );
    expect(warned.json.error.message).not.toMatch(/aides-soignantes/);
    expect((await coachB.get(`/api/employers/${e.id}`)).json.contacts).toEqual([]);
    const confirmed = await coachB.post(`/api/employers/${e.id}/contacts`, { ...body, confirmOverlap: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.contacts).toMatchObject([{ purpose: 'canvassing', overlapConfirmed: true }]);
    // A contact about a vacancy is no canvassing: no warning.
    const aboutVacancy = await coachB.post(`/api/employers/${e.id}/contacts`, {
      ...body,
      purpose: 'vacancy',
    });
    expect(aboutVacancy.status).toBe(201);
    // A sees B's visit in its turn, and still its own notes and contacts only.
    const seenByA = (await coachA.get(`/api/employers/${e.id}`)).json;
    expect(seenByA.basinActivity).toEqual([
      { organisationName: 'Mission régionale de Charleroi', coachName: 'bruno', date: today },
    ]);
    expect(seenByA.ownNotes).toBe('Direction exigeante');
    expect(seenByA.contacts.map((c: { channel: string }) => c.channel)).toEqual(['letter_email', 'phone']);

    // C (basin Namur) sees nothing: 404 on the employer, absent from lists, no contact possible.
    expect((await coachC.get(`/api/employers/${e.id}`)).status).toBe(404);
    expect((await coachC.get('/api/employers')).json.map((x: { id: string }) => x.id)).not.toContain(e.id);
    expect((await coachC.get('/api/employers?q=tilleuls')).json).toEqual([]);
    expect((await coachC.patch(`/api/employers/${e.id}`, { name: 'Volé', version: 1 })).status).toBe(404);
    expect((await coachC.post(`/api/employers/${e.id}/contacts`, body)).status).toBe(404);
  });

  it('counts only the last 6 calendar months of direct contacts for basin coordination', async () => {
    const e = await createEmployer(coachA, employerBody({ name: 'Imprimerie Lecomte' }));
    await coachA.post(`/api/employers/${e.id}/contacts`, {
      date: addDays(addMonths(today, -6), -1),
      channel: 'visit',
      purpose: 'canvassing',
    });
    expect((await coachB.get(`/api/employers/${e.id}`)).json.basinActivity).toEqual([]);
    const free = await coachB.post(`/api/employers/${e.id}/contacts`, {
      date: today,
      channel: 'phone',
      purpose: 'canvassing',
    });
    expect(free.status).toBe(201);
    expect(free.json.contacts[0].overlapConfirmed).toBe(false);
  });

  it('keeps each organisation’s notes to itself, with optimistic concurrency on the shared facts', async () => {
    const e = await createEmployer(
      coachA,
      employerBody({ name: 'Titres-services Clair & Net', notes: 'Notes de A' }),
    );
    const byB = await coachB.patch(`/api/employers/${e.id}`, {
      notes: 'Notes de B',
      status: 'partner',
      version: 1,
    });
    expect(byB.status).toBe(200);
    expect(byB.json).toMatchObject({
      notes: 'Notes de B',
      ownNotes: 'Notes de B',
      status: 'partner',
      version: 2,
    });
    const byA = (await coachA.get(`/api/employers/${e.id}`)).json;
    expect(byA).toMatchObject({ ownNotes: 'Notes de A', status: 'partner', version: 2 });
    const stale = await coachA.patch(`/api/employers/${e.id}`, { name: 'Clair et Net', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    expect(stale.json.error.current).toMatchObject({ version: 2, ownNotes: 'Notes de A' });
    const cleared = await coachA.patch(`/api/employers/${e.id}`, { notes: '', reference: null, version: 2 });
    expect(cleared.json).toMatchObject({ ownNotes: null, reference: null, version: 3 });
    expect((await coachB.get(`/api/employers/${e.id}`)).json.ownNotes).toBe('Notes de B');
  });

  it('lists and filters the basin’s registry', async () => {
    await createEmployer(
      coachB,
      employerBody({ name: 'Commune de Fleurus', sector: 'public', status: 'partner' }),
    );
    const publicOnes = (await coachA.get('/api/employers?sector=public')).json;
    expect(publicOnes.map((x: { name: string }) => x.name)).toEqual(['Commune de Fleurus']);
    const byAccent = (await coachA.get('/api/employers?q=TILLEULS')).json;
    expect(byAccent).toHaveLength(1);
    const partners = (await coachA.get('/api/employers?status=partner')).json;
    expect(partners.map((x: { name: string }) => x.name).sort()).toEqual([
      'Commune de Fleurus',
      'Titres-services Clair & Net',
    ]);
    const byBce = (await coachA.get(`/api/employers?q=${bce(4031701).slice(2, 8)}`)).json;
    expect(byBce.map((x: { name: string }) => x.name)).toEqual(['Boulangerie Dumont']);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await coachA.get('/api/docs/json')).json;
    for (const path of [
      '/api/employers',
      '/api/employers/lookup',
      '/api/employers/{id}/contacts',
      '/api/vacancies/{id}/matches',
      '/api/persons/{id}/matches',
      '/api/vacancies/import/preview',
      '/api/vacancies/import/{jobId}',
      '/api/presentations/{id}/steps',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('answers a race on an enterprise number with the same 409, and the transaction goes on', async () => {
    // Two coaches registering the same firm at once: both pass the check before writing, the
    // second write meets the unique index. It is answered as the check would have answered it.
    const number = bce(4031711);
    const first = await createEmployer(coachA, employerBody({ name: 'Imprimerie Delvaux', bce: number }));
    const db = t.handle.db;
    const basinId = (
      await db.selectFrom('employer').select('basin_id').where('id', '=', first.id).executeTakeFirstOrThrow()
    ).basin_id;
    await db.transaction().execute(async (trx) => {
      const refused = await withUniqueBce(trx, basinId, number, () =>
        trx
          .insertInto('employer')
          .values({ name: 'Delvaux SA', sector: 'private', bce: number, basin_id: basinId })
          .execute(),
      ).catch((error: unknown) => error);
      expect(refused).toMatchObject({
        statusCode: 409,
        code: 'duplicate_employer',
        field: 'bce',
        extra: { existingId: first.id },
      });
      // Still usable: the failed write was rolled back to its savepoint only.
      const count = await trx
        .selectFrom('employer')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('bce', '=', number)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });
  });

  it('refuses evaluators (403) and unknown ids (404)', async () => {
    expect((await evaluatorA.get('/api/employers')).status).toBe(403);
    expect((await evaluatorA.post('/api/employers', employerBody())).status).toBe(403);
    expect((await coachA.get('/api/employers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await coachA.get('/api/employers/nope')).status).toBe(400);
    const person = await coachA.post('/api/employers', employerBody({ name: 'Garage du Centre' }));
    const withStranger = await coachA.post(`/api/employers/${person.json.id}/contacts`, {
      date: today,
      channel: 'visit',
      purpose: 'vacancy',
      personId: '00000000-0000-4000-8000-000000000000',
    });
    expect(withStranger.status).toBe(404);
    expect(withStranger.json.error.field).toBe('personId');
    const future = await coachA.post(`/api/employers/${person.json.id}/contacts`, {
      date: addDays(today, 1),
      channel: 'visit',
      purpose: 'vacancy',
    });
    expect(future.status).toBe(400);
    expect(future.json.error.field).toBe('date');
  });
});

import {
  type EmployerInput,
  employerContactInputSchema,
  employerFileSchema,
  employerInputSchema,
  employerListQuerySchema,
  employerLookupQuerySchema,
  employerLookupSchema,
  employerPatchSchema,
  employerSummaryListSchema,
  idParams,
} from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkDiscreetContact } from '../contracts/discreet.ts';
import { AppError, invalid, notFound, staleVersion } from '../http/errors.ts';
import { recordNotFound } from '../http/scope.ts';
import { assertNotFuture, frenchDate } from '../persons/common.ts';
import { likePattern, personErased } from '../persons/queries.ts';
import { DIRECT_EMPLOYER_CHANNELS } from './channels.ts';
import {
  basinActivity,
  duplicateEmployer,
  findByBce,
  loadEmployerFile,
  loadEmployerSummary,
  lockEmployer,
  rethrowDuplicateBce,
  selectEmployerSummaries,
  toEmployerSummary,
} from './queries.ts';
import { basinScope, CODES } from './scope.ts';

/** The employer columns for the given (possibly partial) input; absent keys are left alone. */
function employerColumns(input: Partial<EmployerInput>) {
  const out: Record<string, unknown> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.bce !== undefined) out.bce = input.bce;
  if (input.naceCode !== undefined) out.nace_code = input.naceCode;
  if (input.sizeClass !== undefined) out.size_class = input.sizeClass;
  if (input.sector !== undefined) out.sector = input.sector;
  if (input.address !== undefined) out.address = input.address;
  if (input.postcode !== undefined) out.postcode = input.postcode;
  if (input.commune !== undefined) out.commune = input.commune;
  if (input.status !== undefined) out.status = input.status;
  if (input.reference !== undefined) {
    out.reference_name = input.reference?.name ?? null;
    out.reference_role = input.reference?.role ?? null;
    out.reference_phone = input.reference?.phone ?? null;
    out.reference_email = input.reference?.email ?? null;
  }
  return out;
}

export const employerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/employers',
    {
      config: { access: 'session' },
      schema: {
        tags: ['employers'],
        querystring: employerListQuerySchema,
        response: { 200: employerSummaryListSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'employers.read');
      const q = request.query;
      let query = selectEmployerSummaries(db, scope, clock.today())
        .orderBy(sql`jc_fold(e.name)`)
        .orderBy('e.id')
        .limit(q.limit)
        .offset(q.offset);
      if (q.status) query = query.where('e.status', '=', q.status);
      if (q.sector) query = query.where('e.sector', '=', q.sector);
      if (q.q) {
        const pattern = likePattern(q.q);
        const digits = q.q.replace(/\D/g, '');
        query = query.where((eb) =>
          eb.or([
            eb(sql`jc_fold(e.name)`, 'like', sql`jc_fold(${pattern})`),
            eb(sql`jc_fold(coalesce(e.commune, ''))`, 'like', sql`jc_fold(${pattern})`),
            ...(digits.length >= 3 ? [eb('e.bce', 'like', `%${digits}%`)] : []),
          ]),
        );
      }
      return (await query.execute()).map(toEmployerSummary);
    },
  );

  app.get(
    '/api/employers/lookup',
    {
      config: { access: 'session' },
      schema: {
        tags: ['employers'],
        querystring: employerLookupQuerySchema,
        response: { 200: employerLookupSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'employers.read');
      const { bce } = request.query;
      if (!bce) return { existing: null };
      const found = await findByBce(db, scope.basinId, bce);
      return {
        existing: found ? ((await loadEmployerSummary(db, scope, found.id, clock.today())) ?? null) : null,
      };
    },
  );

  app.post(
    '/api/employers',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'employer' } },
      schema: {
        tags: ['employers'],
        body: employerInputSchema,
        response: { 201: employerFileSchema },
      },
    },
    async (request, reply) => {
      const scope = await basinScope(request, 'employers.write');
      const { notes, ...input } = request.body;
      const id = await request
        .mutate(async (trx, audit) => {
          if (input.bce) {
            const existing = await findByBce(trx, scope.basinId, input.bce);
            if (existing) throw duplicateEmployer(existing);
          }
          const row = await trx
            .insertInto('employer')
            .values({
              ...(employerColumns(input) as { name: string; sector: string }),
              basin_id: scope.basinId,
              created_by_organisation_id: scope.organisationId,
              created_by: scope.userId,
              created_at: clock.now(),
              updated_at: clock.now(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (notes) {
            await trx
              .insertInto('employer_note')
              .values({
                organisation_id: scope.organisationId,
                employer_id: row.id,
                notes,
                updated_by: scope.userId,
                updated_at: clock.now(),
              })
              .execute();
          }
          audit.entityId = row.id;
          audit.organisationId = scope.organisationId;
          audit.details = { basinId: scope.basinId };
          return row.id;
        })
        .catch((error) => rethrowDuplicateBce(db, scope.basinId, input.bce ?? null, error));
      const file = await loadEmployerFile(db, scope, id, clock.today());
      return reply.status(201).send(file!);
    },
  );

  app.get(
    '/api/employers/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['employers'], params: idParams, response: { 200: employerFileSchema } },
    },
    async (request) => {
      const scope = await basinScope(request, 'employers.read');
      const file = await loadEmployerFile(db, scope, request.params.id, clock.today());
      if (!file) throw notFound('Employeur');
      return file;
    },
  );

  app.patch(
    '/api/employers/:id',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'employer' } },
      schema: {
        tags: ['employers'],
        params: idParams,
        body: employerPatchSchema,
        response: { 200: employerFileSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'employers.write');
      const { id } = request.params;
      const { version, notes, ...input } = request.body;
      const today = clock.today();
      await request
        .mutate(async (trx, audit) => {
          audit.entityId = id;
          audit.organisationId = scope.organisationId;
          audit.details = { fields: Object.keys(request.body).filter((k) => k !== 'version') };
          const row = await lockEmployer(trx, scope.basinId, id);
          if (!row) throw notFound('Employeur');
          if (row.version !== version) throw staleVersion(await loadEmployerFile(trx, scope, id, today));
          if (input.bce && input.bce !== row.bce) {
            const existing = await findByBce(trx, scope.basinId, input.bce, id);
            if (existing) throw duplicateEmployer(existing);
          }
          // Every change, notes included, moves the version on: two coaches editing the same
          // employer never overwrite each other silently.
          await trx
            .updateTable('employer')
            .set((eb) => ({
              ...employerColumns(input),
              version: eb('version', '+', 1),
              updated_at: clock.now(),
            }))
            .where('id', '=', id)
            .where('version', '=', version)
            .execute();
          if (notes !== undefined) {
            await trx
              .insertInto('employer_note')
              .values({
                organisation_id: scope.organisationId,
                employer_id: id,
                notes,
                updated_by: scope.userId,
                updated_at: clock.now(),
              })
              .onConflict((oc) =>
                oc.columns(['organisation_id', 'employer_id']).doUpdateSet((eb) => ({
                  notes,
                  updated_by: scope.userId,
                  updated_at: clock.now(),
                  version: eb('employer_note.version', '+', 1),
                })),
              )
              .execute();
          }
        })
        .catch((error) => rethrowDuplicateBce(db, scope.basinId, input.bce ?? null, error));
      return (await loadEmployerFile(db, scope, id, today))!;
    },
  );

  app.post(
    '/api/employers/:id/contacts',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'employer_contact' } },
      schema: {
        tags: ['employers'],
        params: idParams,
        body: employerContactInputSchema,
        response: { 201: employerFileSchema },
      },
    },
    async (request, reply) => {
      const scope = await basinScope(request, 'employers.write');
      const { id } = request.params;
      const body = request.body;
      const today = clock.today();
      assertNotFuture('date', body.date, today);
      await request.mutate(async (trx, audit) => {
        const employer = await lockEmployer(trx, scope.basinId, id);
        if (!employer) throw notFound('Employeur');
        // The scope guard let `personId` through only if the caller reaches the person
        // (http/scope.ts): a colleague's person outside the caseload is unknown here, and nothing
        // below (the discreet follow-up) is said about them.
        if (body.personId) {
          const person = await trx
            .selectFrom('person')
            .select(['id', 'erased_at'])
            .where('organisation_id', '=', scope.organisationId)
            .where('id', '=', body.personId)
            .where('deleted_at', 'is', null)
            .executeTakeFirst();
          if (!person) throw recordNotFound('person', 'personId');
          if (person.erased_at) throw personErased();
        }
        // Discreet follow-up (contracts/discreet.ts): a contact about the person needs a confirmation.
        const discreetConfirmed = await checkDiscreetContact(trx, {
          organisationId: scope.organisationId,
          employerId: id,
          personId: body.personId,
          confirmDiscreet: body.confirmDiscreet,
        });
        // Basin coordination (method.md §6): no canvassing in competition without knowing it.
        let overlap = false;
        if (body.purpose === 'canvassing') {
          const others = await basinActivity(trx, scope, id, today);
          if (others.length > 0 && body.confirmOverlap !== true) {
            const who = others
              .map(
                (o) =>
                  `${o.organisationName}${o.coachName ? ` (${o.coachName})` : ''}, contact direct le ${frenchDate(o.date)}`,
              )
              .join(' ; ');
            throw new AppError(
              409,
              CODES.basinOverlap,
              `Cet employeur est suivi par ${who}. Confirmez pour enregistrer quand même.`,
              'confirmOverlap',
              { basinActivity: others },
            );
          }
          overlap = others.length > 0;
        }
        const direct = DIRECT_EMPLOYER_CHANNELS.includes(body.channel);
        const row = await trx
          .insertInto('employer_contact')
          .values({
            organisation_id: scope.organisationId,
            employer_id: id,
            author_id: scope.userId,
            date: body.date,
            channel: body.channel,
            purpose: body.purpose,
            person_id: body.personId ?? null,
            notes: body.notes ?? null,
            overlap_confirmed: overlap,
            discreet_confirmed: discreetConfirmed,
            created_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // A prospect met in person or on the phone has been contacted.
        if (direct && employer.status === 'prospect') {
          await trx
            .updateTable('employer')
            .set((eb) => ({ status: 'contacted', version: eb('version', '+', 1), updated_at: clock.now() }))
            .where('id', '=', id)
            .execute();
        }
        audit.entityId = row.id;
        audit.organisationId = scope.organisationId;
        audit.details = {
          employerId: id,
          channel: body.channel,
          purpose: body.purpose,
          overlap,
          discreetConfirmed,
        };
      });
      const file = await loadEmployerFile(db, scope, id, today);
      return reply.status(201).send(file!);
    },
  );
};

import {
  arrangementInputSchema,
  contractAndPersonSchema,
  contractDeletedSchema,
  contractInputSchema,
  contractListSchema,
  contractPatchSchema,
  contractSettingsInputSchema,
  contractSettingsSchema,
  idParams,
} from '@jobcoach/contract';
import { DEFAULT_CADENCE_SETTINGS, isEmploymentContract, isRunningOn, type Phase } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderTextPdf } from '../documents/pdf.ts';
import { DEFAULT_TRUST_CONTRACT_TEMPLATE } from '../documents/template.ts';
import { requireOrgPermission } from '../http/access.ts';
import { writeAudit } from '../http/context.ts';
import { AppError, notFound, staleVersion } from '../http/errors.ts';
import { type PersonScope, requireContract, requirePerson, viewerOf } from '../http/scope.ts';
import { loadPersonFile } from '../persons/file.ts';
import { findPerson } from '../persons/queries.ts';
import { type Scope, trajectoryRole } from '../persons/scope.ts';
import { endLetterText } from './letter.ts';
import {
  contractsOf,
  findContract,
  loadContractSettings,
  toContractView,
  toDomainContract,
} from './queries.ts';
import {
  type Actor,
  deleteContract,
  saveArrangement,
  signContract,
  startContractFollowUp,
  updateContract,
} from './service.ts';

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  const actor = (scope: Scope): Actor => ({
    organisationId: scope.organisationId,
    userId: scope.userId,
    role: trajectoryRole(scope),
    today: clock.today(),
    now: clock.now(),
  });

  /** The contract and the person's file after a change, read outside the transaction. */
  async function answer(scope: PersonScope, contractId: string, personId: string) {
    const today = clock.today();
    const person = (await loadPersonFile(db, scope.organisationId, personId, viewerOf(scope), today))!;
    const line = (await findContract(db, scope.organisationId, contractId))!;
    const { cddAlertDays } = await loadContractSettings(db, scope.organisationId);
    return { contract: toContractView(line, today, cddAlertDays, person.phase), person };
  }

  app.get(
    '/api/persons/:id/contracts',
    {
      config: { access: 'session' },
      schema: { tags: ['contracts'], params: idParams, response: { 200: contractListSchema } },
    },
    async (request) => {
      const scope = await requirePerson(request, 'contracts.read', request.params.id);
      const person = await findPerson(db, scope.organisationId, request.params.id);
      if (!person) throw notFound('Personne');
      const { cddAlertDays } = await loadContractSettings(db, scope.organisationId);
      const today = clock.today();
      return (await contractsOf(db, scope.organisationId, person.id)).map((l) =>
        toContractView(l, today, cddAlertDays, person.phase as Phase),
      );
    },
  );

  app.post(
    '/api/persons/:id/contracts',
    {
      config: { access: 'session', audit: { action: 'sign', entity: 'contract' } },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: contractInputSchema,
        response: { 201: contractAndPersonSchema },
      },
    },
    async (request, reply) => {
      const scope = await requirePerson(request, 'contracts.write', request.params.id);
      const personId = request.params.id;
      const id = await request.mutate(async (trx, audit) => {
        const signed = await signContract(trx, actor(scope), personId, request.body);
        audit.entityId = signed.id;
        audit.organisationId = scope.organisationId;
        audit.details = {
          personId,
          type: request.body.type,
          employerId: signed.employerId,
          transitions: signed.transitions,
        };
        return signed.id;
      });
      return reply.status(201).send(await answer(scope, id, personId));
    },
  );

  app.patch(
    '/api/contracts/:id',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'contract' } },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: contractPatchSchema,
        response: { 200: contractAndPersonSchema },
      },
    },
    async (request) => {
      const scope = await requireContract(request, 'contracts.write', request.params.id);
      const contractId = request.params.id;
      const personId = await request.mutate(async (trx, audit) => {
        const done = await updateContract(trx, actor(scope), contractId, request.body);
        audit.entityId = contractId;
        audit.organisationId = scope.organisationId;
        audit.details = { ...done.details, fields: Object.keys(request.body).filter((k) => k !== 'version') };
        return done.personId;
      });
      return answer(scope, contractId, personId);
    },
  );

  app.post(
    '/api/contracts/:id/start-follow-up',
    {
      config: { access: 'session', audit: { action: 'start_follow_up', entity: 'contract' } },
      schema: { tags: ['contracts'], params: idParams, response: { 200: contractAndPersonSchema } },
    },
    async (request) => {
      const scope = await requireContract(request, 'contracts.write', request.params.id);
      const contractId = request.params.id;
      const personId = await request.mutate(async (trx, audit) => {
        const done = await startContractFollowUp(trx, actor(scope), contractId);
        audit.entityId = contractId;
        audit.organisationId = scope.organisationId;
        audit.details = { personId: done.personId };
        return done.personId;
      });
      return answer(scope, contractId, personId);
    },
  );

  app.delete(
    '/api/contracts/:id',
    {
      config: { access: 'session', audit: { action: 'delete', entity: 'contract' } },
      schema: {
        tags: ['contracts'],
        params: idParams,
        response: { 200: contractDeletedSchema },
      },
    },
    async (request) => {
      const scope = await requireContract(request, 'contracts.write', request.params.id);
      const contractId = request.params.id;
      const personId = await request.mutate(async (trx, audit) => {
        const done = await deleteContract(trx, actor(scope), contractId);
        audit.entityId = contractId;
        audit.organisationId = scope.organisationId;
        audit.details = done.details;
        return done.personId;
      });
      const person = await loadPersonFile(db, scope.organisationId, personId, viewerOf(scope), clock.today());
      return { person: person! };
    },
  );

  app.put(
    '/api/contracts/:id/follow-up',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'follow_up_arrangement' } },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: arrangementInputSchema,
        response: { 200: contractAndPersonSchema },
      },
    },
    async (request) => {
      const scope = await requireContract(request, 'contracts.write', request.params.id);
      const contractId = request.params.id;
      const { version, ...fields } = request.body;
      const personId = await request.mutate(async (trx, audit) => {
        const done = await saveArrangement(trx, actor(scope), contractId, fields, version);
        audit.entityId = contractId;
        audit.organisationId = scope.organisationId;
        audit.details = { personId: done.personId, mode: fields.mode, discreet: fields.discreet };
        return done.personId;
      });
      return answer(scope, contractId, personId);
    },
  );

  app.get(
    '/api/persons/:id/end-letter.pdf',
    {
      config: { access: 'session' },
      schema: { tags: ['contracts'], params: idParams },
    },
    async (request, reply) => {
      const scope = await requirePerson(request, 'contracts.read', request.params.id);
      const orgId = scope.organisationId;
      const person = await findPerson(db, orgId, request.params.id);
      if (!person) throw notFound('Personne');
      const letter = await db
        .selectFrom('person_document')
        .select('dated_on')
        .where('organisation_id', '=', orgId)
        .where('person_id', '=', person.id)
        .where('kind', '=', 'end_letter')
        .orderBy('dated_on', 'desc')
        .executeTakeFirst();
      if (!letter) {
        throw new AppError(
          409,
          'conflict',
          'La lettre de fin d’accompagnement accompagne la sortie pour insertion consolidée : enregistrez d’abord cette sortie.',
        );
      }
      const organisation = await db
        .selectFrom('organisation')
        .select(['name', 'address'])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      const coach = person.coach_id
        ? await db
            .selectFrom('app_user')
            .select(['name', 'email'])
            .where('id', '=', person.coach_id)
            .executeTakeFirst()
        : undefined;
      const job = (await contractsOf(db, orgId, person.id)).find(
        (l) =>
          isEmploymentContract(toDomainContract(l).type) && isRunningOn(toDomainContract(l), letter.dated_on),
      );
      const text = endLetterText({
        firstName: person.first_name,
        lastName: person.last_name,
        organisationName: organisation.name,
        organisationAddress: organisation.address,
        coachName: coach?.name ?? null,
        coachEmail: coach?.email ?? null,
        date: letter.dated_on,
        job: job ? { title: job.job_title, employerName: job.employer_name, start: job.start_on } : null,
      });
      const pdf = await renderTextPdf(text, { title: 'Fin de l’accompagnement', author: organisation.name });
      // Producing the document is a read of the person's file: audited as an export.
      await writeAudit(
        db,
        request,
        { action: 'export', entity: 'person' },
        { entityId: person.id, organisationId: orgId, details: { document: 'end_letter' } },
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="lettre-de-fin-d-accompagnement.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/organisations/:id/contract-settings',
    {
      config: { access: 'session' },
      schema: { tags: ['contracts'], params: idParams, response: { 200: contractSettingsSchema } },
    },
    async (request) => {
      await requireOrgPermission(request, db, request.params.id, 'settings.read');
      return loadContractSettings(db, request.params.id);
    },
  );

  app.put(
    '/api/organisations/:id/contract-settings',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'organisation_settings' } },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: contractSettingsInputSchema,
        response: { 200: contractSettingsSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { cddAlertDays, version } = request.body;
      await requireOrgPermission(request, db, id, 'settings.update');
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = id;
        audit.details = { cddAlertDays };
        const saved =
          version === 0
            ? await trx
                .insertInto('organisation_settings')
                .values({
                  organisation_id: id,
                  cadence: JSON.stringify(DEFAULT_CADENCE_SETTINGS),
                  trust_contract_template: DEFAULT_TRUST_CONTRACT_TEMPLATE,
                  cdd_alert_days: cddAlertDays,
                  updated_at: clock.now(),
                })
                .onConflict((oc) => oc.column('organisation_id').doNothing())
                .returning('version')
                .executeTakeFirst()
            : await trx
                .updateTable('organisation_settings')
                .set((eb) => ({
                  cdd_alert_days: cddAlertDays,
                  version: eb('version', '+', 1),
                  updated_at: clock.now(),
                }))
                .where('organisation_id', '=', id)
                .where('version', '=', version)
                .returning('version')
                .executeTakeFirst();
        if (!saved) throw staleVersion(await loadContractSettings(trx, id));
      });
      return loadContractSettings(db, id);
    },
  );
};

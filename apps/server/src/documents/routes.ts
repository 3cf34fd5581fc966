import { idParams, personFileSchema, trustContractInputSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { requirePerson, viewerOf } from '../http/scope.ts';
import { assertNotFuture } from '../persons/common.ts';
import { loadPersonFile } from '../persons/file.ts';
import { findPerson, lockPerson } from '../persons/queries.ts';
import { loadSettings } from '../settings/queries.ts';
import { renderTextPdf } from './pdf.ts';
import { fillTemplate } from './template.ts';

/** "2025-03-05" → "5 mars 2025". */
export function longFrenchDate(date: string): string {
  return new Intl.DateTimeFormat('fr-BE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

const BLANK = '……………………';

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.put(
    '/api/persons/:id/trust-contract',
    {
      config: { access: 'session', audit: { action: 'trust_contract_signed', entity: 'person' } },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: trustContractInputSchema,
        response: { 200: personFileSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.write', id);
      const { signedOn } = request.body;
      const orgId = scope.organisationId;
      const today = clock.today();
      assertNotFuture('signedOn', signedOn, today);
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = orgId;
        const person = await lockPerson(trx, orgId, id);
        if (!person) throw notFound('Personne');
        if (person.trust_contract_signed_on === signedOn) return;
        await trx
          .updateTable('person')
          .set((eb) => ({
            trust_contract_signed_on: signedOn,
            version: eb('version', '+', 1),
            updated_at: clock.now(),
          }))
          .where('id', '=', id)
          .execute();
        // The signed contract joins the person's timeline as a document.
        await trx
          .insertInto('person_document')
          .values({
            organisation_id: orgId,
            person_id: id,
            kind: 'trust_contract',
            dated_on: signedOn,
            author_id: scope.userId,
            created_at: clock.now(),
          })
          .execute();
      });
      return (await loadPersonFile(db, orgId, id, viewerOf(scope), today))!;
    },
  );

  app.get(
    '/api/persons/:id/trust-contract.pdf',
    {
      config: { access: 'session' },
      schema: { tags: ['persons'], params: idParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.read', id);
      const orgId = scope.organisationId;
      const person = await findPerson(db, orgId, id);
      if (!person) throw notFound('Personne');
      const organisation = await db
        .selectFrom('organisation')
        .select('name')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      const coach = person.coach_id
        ? await db.selectFrom('app_user').select('name').where('id', '=', person.coach_id).executeTakeFirst()
        : undefined;
      const { trustContractTemplate } = await loadSettings(db, orgId);
      const text = fillTemplate(trustContractTemplate, {
        prenom: person.first_name,
        nom: person.last_name,
        organisation: organisation.name,
        jobcoach: coach?.name ?? BLANK,
        date: person.trust_contract_signed_on ? longFrenchDate(person.trust_contract_signed_on) : BLANK,
      });
      const pdf = await renderTextPdf(text, { title: 'Contrat de confiance', author: organisation.name });
      // Producing the document is a read of the person's file: audited as an export.
      await writeAudit(
        db,
        request,
        { action: 'export', entity: 'person' },
        {
          entityId: id,
          organisationId: orgId,
          details: { document: 'trust_contract' },
        },
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="contrat-de-confiance.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};

import { trustContractInputSchema } from '@jobcoach/contract';
import { z } from 'zod';
import { writeAuditEntry } from '../../application/context.ts';
import { notFound } from '../../application/errors.ts';
import { requirePerson, viewerOf } from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { assertNotFuture } from '../../persons/common.ts';
import { loadPersonFile } from '../../persons/file.ts';
import { findPerson, lockPerson } from '../../persons/queries.ts';
import { loadSettings } from '../../settings/queries.ts';
import { renderTextPdf } from '../pdf.ts';
import { fillTemplate, longFrenchDate } from '../template.ts';

const idSchema = z.uuid('identifiant invalide.');

const BLANK = '……………………';

/**
 * The trust contract signed by the person (method.md §3): its date on the person, and the signed
 * contract on the timeline as a document. Signing again on the same day changes nothing.
 */
export const recordTrustContract = defineCommand(
  'documents.recordTrustContract',
  trustContractInputSchema.extend({ personId: idSchema }),
  { action: 'trust_contract_signed', entity: 'person' },
  async (ctx, { personId, signedOn }) => {
    const ps = await requirePerson(ctx, 'persons.write', personId);
    assertNotFuture('signedOn', signedOn, ctx.today);
    ctx.audit.entityId = personId;
    const person = await lockPerson(ctx.db, ctx.organisationId, personId);
    if (!person) throw notFound('Personne');
    if (person.trust_contract_signed_on !== signedOn) {
      await ctx.db
        .updateTable('person')
        .set((eb) => ({
          trust_contract_signed_on: signedOn,
          version: eb('version', '+', 1),
          updated_at: ctx.now,
        }))
        .where('id', '=', personId)
        .execute();
      await ctx.db
        .insertInto('person_document')
        .values({
          organisation_id: ctx.organisationId,
          person_id: personId,
          kind: 'trust_contract',
          dated_on: signedOn,
          author_id: ctx.userId,
          created_at: ctx.now,
        })
        .execute();
    }
    return (await loadPersonFile(ctx.db, ctx.organisationId, personId, viewerOf(ps), ctx.today))!;
  },
);

/**
 * The person's trust contract as a PDF, from the organisation's template. Producing the document
 * is a read of the person's file: audited as an export.
 */
export const trustContractPdf = defineQuery(
  'documents.trustContractPdf',
  z.object({ personId: idSchema }),
  async (ctx, { personId }): Promise<Buffer> => {
    await requirePerson(ctx, 'persons.read', personId);
    const db = ctx.db;
    const person = await findPerson(db, ctx.organisationId, personId);
    if (!person) throw notFound('Personne');
    const organisation = await db
      .selectFrom('organisation')
      .select('name')
      .where('id', '=', ctx.organisationId)
      .executeTakeFirstOrThrow();
    const coach = person.coach_id
      ? await db.selectFrom('app_user').select('name').where('id', '=', person.coach_id).executeTakeFirst()
      : undefined;
    const { trustContractTemplate } = await loadSettings(db, ctx.organisationId);
    const text = fillTemplate(trustContractTemplate, {
      prenom: person.first_name,
      nom: person.last_name,
      organisation: organisation.name,
      jobcoach: coach?.name ?? BLANK,
      date: person.trust_contract_signed_on ? longFrenchDate(person.trust_contract_signed_on) : BLANK,
    });
    const pdf = await renderTextPdf(text, { title: 'Contrat de confiance', author: organisation.name });
    await writeAuditEntry(
      ctx,
      { action: 'export', entity: 'person' },
      { entityId: personId, details: { document: 'trust_contract' } },
    );
    return pdf;
  },
);

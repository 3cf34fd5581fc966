import { isEmploymentContract, isRunningOn } from '@jobcoach/domain';
import { z } from 'zod';
import { writeAuditEntry } from '../../application/context.ts';
import { AppError, notFound } from '../../application/errors.ts';
import { requirePerson } from '../../application/person-scope.ts';
import { defineQuery } from '../../application/use-case.ts';
import { renderTextPdf } from '../../documents/pdf.ts';
import { findPerson } from '../../persons/queries.ts';
import { endLetterText } from '../letter.ts';
import { contractsOf, toDomainContract } from '../queries.ts';

/**
 * The end-of-coaching letter of a person who left for a consolidated insertion, as a PDF. Producing
 * the document is a read of the person's file: audited as an export.
 */
export const endLetterPdf = defineQuery(
  'contracts.endLetterPdf',
  z.object({ personId: z.uuid('identifiant invalide.') }),
  async (ctx, { personId }): Promise<Buffer> => {
    await requirePerson(ctx, 'contracts.read', personId);
    const db = ctx.db;
    const person = await findPerson(db, ctx.organisationId, personId);
    if (!person) throw notFound('Personne');
    const letter = await db
      .selectFrom('person_document')
      .select('dated_on')
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
      .where('id', '=', ctx.organisationId)
      .executeTakeFirstOrThrow();
    const coach = person.coach_id
      ? await db
          .selectFrom('app_user')
          .select(['name', 'email'])
          .where('id', '=', person.coach_id)
          .executeTakeFirst()
      : undefined;
    const job = (await contractsOf(db, ctx.organisationId, person.id)).find((l) => {
      const contract = toDomainContract(l);
      return isEmploymentContract(contract.type) && isRunningOn(contract, letter.dated_on);
    });
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
    await writeAuditEntry(
      ctx,
      { action: 'export', entity: 'person' },
      { entityId: person.id, details: { document: 'end_letter' } },
    );
    return pdf;
  },
);

import { reasonBodySchema } from '@jobcoach/contract';
import { z } from 'zod';
import { type Context, writeAuditEntry } from '../../application/context.ts';
import { notFound } from '../../application/errors.ts';
import { defineInstallationCommand } from '../../application/installation.ts';
import { requirePerson } from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { assertReasonNamesNoOne, erasePerson, hardDeletePerson } from '../erasure.ts';
import { collectPersonExport, type PersonExport, renderExportPdf } from '../export.ts';

/**
 * The data subject's rights: the export of everything held about a person (JSON and PDF), erasure
 * on request, and hard deletion by the installation administrator.
 */

const idSchema = z.uuid('identifiant invalide.');
const personIdInput = z.object({ personId: idSchema });

/**
 * Everything held about the person, for a caller allowed to export it (persons.export, in scope),
 * rendered; once rendered, the export is audited under the document's name.
 */
async function exportFor<T>(
  ctx: Context,
  personId: string,
  document: 'data_export_json' | 'data_export_pdf',
  render: (data: PersonExport) => T | Promise<T>,
): Promise<T> {
  await requirePerson(ctx, 'persons.export', personId);
  const data = await collectPersonExport(ctx.db, ctx.organisationId, personId, ctx.now);
  if (!data) throw notFound('Personne');
  const rendered = await render(data);
  await writeAuditEntry(
    ctx,
    { action: 'export', entity: 'person' },
    { entityId: personId, details: { document } },
  );
  return rendered;
}

/** The export as JSON (the route sends it as a file). */
export const exportPersonJson = defineQuery('privacy.exportJson', personIdInput, (ctx, { personId }) =>
  exportFor(ctx, personId, 'data_export_json', (data) => data),
);

/** The export as a readable PDF: its bytes (the route sends them as a file). */
export const exportPersonPdf = defineQuery('privacy.exportPdf', personIdInput, (ctx, { personId }) =>
  exportFor(ctx, personId, 'data_export_pdf', renderExportPdf),
);

/**
 * Erasure on the person's request (persons.erase, in scope): the reason is kept in the audit log,
 * so it may not name the person. Erasing an erased person again changes nothing and says so.
 */
export const erasePersonOnRequest = defineCommand(
  'privacy.erase',
  reasonBodySchema.extend({ personId: idSchema }),
  { action: 'erase', entity: 'person' },
  async (ctx, { personId, reason }) => {
    await requirePerson(ctx, 'persons.erase', personId);
    ctx.audit.entityId = personId;
    const person = await ctx.db
      .selectFrom('person')
      .select(['first_name', 'last_name', 'niss', 'email', 'phone', 'address', 'erased_at'])
      .where('id', '=', personId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!person) throw notFound('Personne');
    if (!person.erased_at) assertReasonNamesNoOne('reason', reason, person);
    const outcome = await erasePerson(ctx, { personId, kind: 'request' });
    if (outcome === 'not_found') throw notFound('Personne');
    ctx.audit.details = { kind: 'request', reason, alreadyErased: outcome === 'already_erased' };
    const row = await ctx.db
      .selectFrom('person')
      .select('erased_at')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    return {
      id: personId,
      erasedAt: new Date(row.erased_at!).toISOString(),
      alreadyErased: outcome === 'already_erased',
    };
  },
);

/**
 * Hard deletion of a person of any organisation by the installation administrator, with a reason
 * that names no one; audited in the person's organisation.
 */
export const deletePersonForGood = defineInstallationCommand(
  'privacy.hardDelete',
  reasonBodySchema.extend({ personId: idSchema }),
  { action: 'hard_delete', entity: 'person' },
  async (ctx, { personId, reason }) => {
    ctx.requireAdmin();
    const person = await ctx
      .across('administration')
      .selectFrom('person')
      .select(['organisation_id', 'first_name', 'last_name', 'niss', 'email', 'phone', 'address'])
      .where('id', '=', personId)
      .forUpdate()
      .executeTakeFirst();
    if (!person) throw notFound('Personne');
    assertReasonNamesNoOne('reason', reason, person);
    ctx.audit.entityId = personId;
    ctx.audit.organisationId = person.organisation_id;
    ctx.audit.details = { reason };
    await hardDeletePerson(ctx.in(person.organisation_id), personId);
  },
);

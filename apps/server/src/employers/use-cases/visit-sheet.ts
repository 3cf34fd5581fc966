import type { EmployerPerson } from '@jobcoach/contract';
import { type ContractType, type FollowUpMode, nextContactOn } from '@jobcoach/domain';
import { z } from 'zod';
import { notFound } from '../../application/errors.ts';
import { personInScope, personScope } from '../../application/person-scope.ts';
import { defineQuery } from '../../application/use-case.ts';
import { personSummaries } from '../../matching/summaries.ts';
import { findEmployer } from '../queries.ts';
import { basinOf } from '../scope.ts';

/**
 * The visit sheet's « Vos personnes chez cet employeur »: the caller's organisation's persons with
 * a contract at the employer running today (started, not ended, not cancelled), within the caller's
 * record scope (a jobcoach: own caseload and covered colleagues). Discreet follow-ups are included
 * and flagged: this is the organisation's own data, read by its own staff; the parts of the employer
 * page that the basin shares, and every contact the employer could see, keep the discretion rules
 * of contracts/discreet.ts. A caller without the right to read persons gets an empty list.
 */
export const listEmployerPersons = defineQuery(
  'employers.persons',
  z.object({ employerId: z.uuid('identifiant invalide.') }),
  async (ctx, { employerId }): Promise<EmployerPerson[]> => {
    ctx.require('employers.read');
    const employer = await findEmployer(ctx.db, await basinOf(ctx.db, ctx.organisationId), employerId);
    if (!employer) throw notFound('Employeur');
    if (!ctx.can('persons.read')) return [];
    const scope = await personScope(ctx, 'persons.read');
    const rows = await ctx.db
      .selectFrom('contract as k')
      .innerJoin('person as p', 'p.id', 'k.person_id')
      .leftJoin('follow_up_arrangement as fa', 'fa.contract_id', 'k.id')
      .select([
        'k.id as contract_id',
        'k.type',
        'k.job_title',
        'k.start_on',
        'k.planned_end_on',
        'p.id as person_id',
        'p.next_planned_on',
        'fa.mode',
        'fa.discreet',
        'fa.reference_name',
        'fa.reference_role',
        'fa.reference_phone',
        'fa.reference_email',
      ])
      .where('k.employer_id', '=', employerId)
      .where('k.cancelled_at', 'is', null)
      .where('k.start_on', '<=', ctx.today)
      .where((eb) => eb.or([eb('k.actual_end_on', 'is', null), eb('k.actual_end_on', '>=', ctx.today)]))
      .where('p.deleted_at', 'is', null)
      .where(personInScope(scope, 'p'))
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .orderBy('k.start_on')
      .execute();
    const summaries = await personSummaries(ctx.db, ctx.organisationId, ctx.today, [
      ...new Set(rows.map((r) => r.person_id)),
    ]);
    const registryReference = employer.reference_name
      ? {
          name: employer.reference_name,
          role: employer.reference_role,
          phone: employer.reference_phone,
          email: employer.reference_email,
        }
      : null;
    return rows.flatMap((r) => {
      const person = summaries.get(r.person_id);
      if (!person) return [];
      return [
        {
          personId: r.person_id,
          firstName: person.firstName,
          lastName: person.lastName,
          phone: person.phone,
          coachName: person.coachName,
          contract: {
            id: r.contract_id,
            type: r.type as ContractType,
            jobTitle: r.job_title,
            startOn: r.start_on,
            plannedEndOn: r.planned_end_on,
          },
          followUpMode: (r.mode as FollowUpMode | null) ?? null,
          discreet: r.discreet === true,
          nextContactOn: nextContactOn(r.next_planned_on, person.nextDue, ctx.today),
          overdue: person.overdue,
          reference: r.reference_name
            ? {
                name: r.reference_name,
                role: r.reference_role,
                phone: r.reference_phone,
                email: r.reference_email,
              }
            : registryReference,
        },
      ];
    });
  },
);

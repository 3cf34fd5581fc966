import { costEstimateQuerySchema } from '@jobcoach/contract';
import { estimateWageCost } from '@jobcoach/domain';
import { z } from 'zod';
import { notFound } from '../../application/errors.ts';
import { requireRecord } from '../../application/person-scope.ts';
import { defineQuery } from '../../application/use-case.ts';
import { loadHiringAidRules, personHiringAids } from '../../matching/hiring-aids.ts';

/**
 * What a hire would mean for the employer, for one presentation: the aids the person opens today
 * under the installation's rules, and, once the coach enters a gross hourly wage, the estimated
 * monthly cost of the offer's hours minus those aids (domain estimateWageCost). Information for
 * the conversation with the employer: nothing is stored and nothing is ranked by it.
 */
export const presentationHire = defineQuery(
  'presentations.hire',
  costEstimateQuerySchema.extend({ presentationId: z.uuid('identifiant invalide.') }),
  async (ctx, { presentationId, grossHourly }) => {
    await requireRecord(ctx, 'presentations.read', 'presentation', presentationId);
    const row = await ctx.db
      .selectFrom('presentation as pr')
      .innerJoin('person as p', 'p.id', 'pr.person_id')
      .innerJoin('vacancy as v', 'v.id', 'pr.vacancy_id')
      .select([
        'p.birth_date',
        'p.months_without_job',
        'p.referral_received_on',
        'p.income',
        'p.postcode',
        'v.hours_per_week',
      ])
      .where('pr.id', '=', presentationId)
      .executeTakeFirst();
    if (!row) throw notFound('Présentation');
    const aids = personHiringAids(row, await loadHiringAidRules(ctx.db), ctx.today);
    const hours = row.hours_per_week === null ? null : Number(row.hours_per_week);
    const estimate =
      grossHourly === undefined || hours === null
        ? null
        : estimateWageCost({ grossHourly, hoursPerWeek: hours, aids, on: ctx.today });
    return { on: ctx.today, hoursPerWeek: hours, aids, estimate };
  },
);

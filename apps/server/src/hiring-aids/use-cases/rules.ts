import { hiringAidRuleInputSchema, hiringAidRulePatchSchema } from '@jobcoach/contract';
import { z } from 'zod';
import { invalid, notFound, staleVersion } from '../../application/errors.ts';
import { defineInstallationCommand, defineInstallationQuery } from '../../application/installation.ts';
import type { HiringAidRuleRow } from '../../matching/hiring-aids.ts';

/**
 * The hiring-aid rules: dated configuration of the whole installation, read by every signed-in
 * user (the aids beside a match cite them) and kept by the installation administrator. A change of
 * amount is a new rule from its date, the old one closed the day before, so that an assessment on
 * a past day keeps the rules then in force.
 */

export function ruleAnswer(r: HiringAidRuleRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    authority: r.authority as 'wallonia' | 'federal' | 'cpas' | 'other',
    conditions: {
      ageBelow: r.conditions.ageBelow ?? null,
      ageFrom: r.conditions.ageFrom ?? null,
      minJoblessMonths: r.conditions.minJoblessMonths ?? null,
      incomes: (r.conditions.incomes ?? null) as
        | ('unemployment_benefit' | 'integration_income' | 'none' | 'other')[]
        | null,
      walloonResident: r.conditions.walloonResident === true,
    },
    employerCondition: r.employer_condition,
    amount: r.amount,
    monthlyAmount: r.monthly_amount === null ? null : Number(r.monthly_amount),
    durationMonths: r.duration_months,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
    version: r.version,
  };
}

function checkPeriod(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom) {
    throw invalid('validTo', 'la fin ne peut pas précéder le début.');
  }
}

export const listHiringAidRules = defineInstallationQuery('hiringAids.list', z.object({}), async (ctx) => {
  const rows = await ctx
    .across('administration')
    .selectFrom('hiring_aid_rule')
    .selectAll()
    .orderBy('code')
    .orderBy('valid_from')
    .execute();
  return rows.map(ruleAnswer);
});

export const createHiringAidRule = defineInstallationCommand(
  'hiringAids.create',
  hiringAidRuleInputSchema,
  { action: 'create', entity: 'hiring_aid_rule' },
  async (ctx, input) => {
    ctx.requireAdmin();
    checkPeriod(input.validFrom, input.validTo);
    const row = await ctx
      .across('administration')
      .insertInto('hiring_aid_rule')
      .values({
        code: input.code,
        name: input.name,
        authority: input.authority,
        conditions: JSON.stringify(input.conditions),
        employer_condition: input.employerCondition ?? null,
        amount: input.amount,
        monthly_amount: input.monthlyAmount,
        duration_months: input.durationMonths,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        source: input.source,
        updated_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    ctx.audit.details = { code: row.code, validFrom: row.valid_from };
    return ruleAnswer(row);
  },
);

export const updateHiringAidRule = defineInstallationCommand(
  'hiringAids.update',
  hiringAidRulePatchSchema.extend({ ruleId: z.uuid('identifiant invalide.') }),
  { action: 'update', entity: 'hiring_aid_rule' },
  async (ctx, { ruleId, version, ...patch }) => {
    ctx.requireAdmin();
    const db = ctx.across('administration');
    ctx.audit.entityId = ruleId;
    const current = await db
      .selectFrom('hiring_aid_rule')
      .selectAll()
      .where('id', '=', ruleId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Règle d’aide à l’embauche');
    if (current.version !== version) throw staleVersion(ruleAnswer(current));
    checkPeriod(
      patch.validFrom ?? current.valid_from,
      patch.validTo === undefined ? current.valid_to : patch.validTo,
    );
    const row = await db
      .updateTable('hiring_aid_rule')
      .set({
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.authority !== undefined ? { authority: patch.authority } : {}),
        ...(patch.conditions !== undefined ? { conditions: JSON.stringify(patch.conditions) } : {}),
        ...(patch.employerCondition !== undefined ? { employer_condition: patch.employerCondition } : {}),
        ...(patch.amount !== undefined ? { amount: patch.amount } : {}),
        ...(patch.monthlyAmount !== undefined ? { monthly_amount: patch.monthlyAmount } : {}),
        ...(patch.durationMonths !== undefined ? { duration_months: patch.durationMonths } : {}),
        ...(patch.validFrom !== undefined ? { valid_from: patch.validFrom } : {}),
        ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
        ...(patch.source !== undefined ? { source: patch.source } : {}),
        version: current.version + 1,
        updated_by: ctx.userId,
        updated_at: new Date(),
      })
      .where('id', '=', ruleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit.details = { code: row.code, changed: Object.keys(patch) };
    return ruleAnswer(row);
  },
);

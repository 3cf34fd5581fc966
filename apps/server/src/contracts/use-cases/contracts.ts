import {
  arrangementInputSchema,
  type ContractAndPerson,
  cancellationSchema,
  contractInputSchema,
  contractPatchSchema,
} from '@jobcoach/contract';
import type { Phase } from '@jobcoach/domain';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import { notFound } from '../../application/errors.ts';
import { type PersonScope, requirePerson, requireRecord, viewerOf } from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { loadPersonFile } from '../../persons/file.ts';
import { findPerson } from '../../persons/queries.ts';
import { contractsOf, findContract, loadContractSettings, toContractView } from '../queries.ts';
import * as contracts from '../service.ts';

const idSchema = z.uuid('identifiant invalide.');

/** The contract and the person's file after a change. */
async function contractAndPerson(
  ctx: Context,
  ps: PersonScope,
  contractId: string,
  personId: string,
): Promise<ContractAndPerson> {
  const person = (await loadPersonFile(ctx.db, ctx.organisationId, personId, viewerOf(ps), ctx.today))!;
  const line = (await findContract(ctx.db, ctx.organisationId, contractId))!;
  const { cddAlertDays } = await loadContractSettings(ctx.db, ctx.organisationId);
  return { contract: toContractView(line, ctx.today, cddAlertDays, person.phase), person };
}

/** A person's contracts, newest start first. */
export const listContracts = defineQuery(
  'contracts.list',
  z.object({ personId: idSchema }),
  async (ctx, { personId }) => {
    await requirePerson(ctx, 'contracts.read', personId);
    const person = await findPerson(ctx.db, ctx.organisationId, personId);
    if (!person) throw notFound('Personne');
    const { cddAlertDays } = await loadContractSettings(ctx.db, ctx.organisationId);
    return (await contractsOf(ctx.db, ctx.organisationId, person.id, { withCancelled: true })).map((l) =>
      toContractView(l, ctx.today, cddAlertDays, person.phase as Phase),
    );
  },
);

/** A contract signed by a person, with its effects on the trajectory (contracts/service.ts). */
export const signContract = defineCommand(
  'contracts.sign',
  contractInputSchema.extend({ personId: idSchema }),
  { action: 'sign', entity: 'contract' },
  async (ctx, { personId, ...body }) => {
    const ps = await requirePerson(ctx, 'contracts.write', personId);
    const signed = await contracts.signContract(ctx, personId, body);
    ctx.audit.entityId = signed.id;
    ctx.audit.details = {
      personId,
      type: body.type,
      employerId: signed.employerId,
      transitions: signed.transitions,
    };
    return contractAndPerson(ctx, ps, signed.id, personId);
  },
);

/** A correction of a contract, or the record of its end with the end's effects. */
export const updateContract = defineCommand(
  'contracts.update',
  contractPatchSchema.extend({ contractId: idSchema }),
  { action: 'update', entity: 'contract' },
  async (ctx, { contractId, ...patch }) => {
    const ps = await requireRecord(ctx, 'contracts.write', 'contract', contractId);
    const done = await contracts.updateContract(ctx, contractId, patch);
    ctx.audit.entityId = contractId;
    ctx.audit.details = { ...done.details, fields: Object.keys(patch).filter((k) => k !== 'version') };
    return contractAndPerson(ctx, ps, contractId, done.personId);
  },
);

/** The follow-up in the company starts on the first day of the contract the person waited for. */
export const startContractFollowUp = defineCommand(
  'contracts.startFollowUp',
  z.object({ contractId: idSchema }),
  { action: 'start_follow_up', entity: 'contract' },
  async (ctx, { contractId }) => {
    const ps = await requireRecord(ctx, 'contracts.write', 'contract', contractId);
    const done = await contracts.startContractFollowUp(ctx, contractId);
    ctx.audit.entityId = contractId;
    ctx.audit.details = { personId: done.personId };
    return contractAndPerson(ctx, ps, contractId, done.personId);
  },
);

/**
 * « Annuler ce contrat »: a contract entered by mistake, cancelled with a reason (never deleted),
 * with the moves it made while they are the latest (contracts/service.ts). The contract stays
 * readable, marked cancelled; the audit log keeps it as it was and the trajectory before and after.
 */
export const cancelContract = defineCommand(
  'contracts.cancel',
  cancellationSchema.extend({ contractId: idSchema }),
  { action: 'cancel', entity: 'contract' },
  async (ctx, { contractId, reason }) => {
    const ps = await requireRecord(ctx, 'contracts.write', 'contract', contractId);
    const done = await contracts.cancelContract(ctx, contractId, reason);
    ctx.audit.entityId = contractId;
    ctx.audit.details = done.details;
    return contractAndPerson(ctx, ps, contractId, done.personId);
  },
);

/** The follow-up arrangement of an employment contract (who, how, how often, discreetly or not). */
export const saveArrangement = defineCommand(
  'contracts.saveArrangement',
  arrangementInputSchema.extend({ contractId: idSchema }),
  { action: 'update', entity: 'follow_up_arrangement' },
  async (ctx, { contractId, version, ...fields }) => {
    const ps = await requireRecord(ctx, 'contracts.write', 'contract', contractId);
    const done = await contracts.saveArrangement(ctx, contractId, fields, version);
    ctx.audit.entityId = contractId;
    ctx.audit.details = { personId: done.personId, mode: fields.mode, discreet: fields.discreet };
    return contractAndPerson(ctx, ps, contractId, done.personId);
  },
);

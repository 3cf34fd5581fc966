import {
  type Consent,
  type ConsentPurpose,
  consentInputSchema,
  consentWithdrawalSchema,
  type HandoffPurpose,
  type HandoffSection,
  handoffInputSchema,
} from '@jobcoach/contract';
import { CONTRACT_TYPE_LABELS, type ContractType, PHASE_LABELS, type Phase } from '@jobcoach/domain';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import type { Db } from '../../application/database.ts';
import { AppError, invalid, notFound } from '../../application/errors.ts';
import { requirePerson } from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { assertNotFuture, frenchDate } from '../../persons/common.ts';
import { assertPartner, lockPerson } from '../../persons/queries.ts';
import { consentRecords, handoffRecords } from '../records.ts';

/**
 * Consent per purpose (with the information given) and hand-offs of a person's data to a named
 * partner, refused without a sharing consent in force for that partner.
 */

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  processing: 'Traitement des données pour le jobcoaching',
  sharing_with_partner: 'Transmission à un partenaire',
  employer_contact: 'Présentation à des employeurs',
};
export const HANDOFF_PURPOSE_LABELS: Record<HandoffPurpose, string> = {
  report_to_prescriber: 'Retour au prescripteur',
  referral_to_service: 'Orientation vers un service',
  joint_follow_up: 'Suivi conjoint',
};
type Section = HandoffSection;
const SECTION_LABELS: Record<Section, string> = {
  identity: 'Identité',
  contact: 'Coordonnées',
  situation: 'Situation',
  trajectory: 'Parcours',
  contracts: 'Contrats',
};

const idSchema = z.uuid('identifiant invalide.');
const personIdInput = z.object({ personId: idSchema });

/**
 * The person about to be written, locked; an erased person's file is read-only (409
 * `person_erased`, as every write on a person).
 */
async function writablePerson(ctx: Context, personId: string) {
  const person = await lockPerson(ctx.db, ctx.organisationId, personId);
  if (!person) throw notFound('Personne');
  return person;
}

type WritablePerson = Awaited<ReturnType<typeof writablePerson>>;

async function consentsOf(db: Db, personId: string): Promise<Consent[]> {
  const rows = await consentRecords(db, personId, 'desc');
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose as Consent['purpose'],
    purposeLabel: CONSENT_PURPOSE_LABELS[r.purpose as Consent['purpose']],
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    givenOn: r.given_on,
    informationOn: r.information_on,
    notice: r.notice,
    note: r.note,
    withdrawnOn: r.withdrawn_on,
    active: r.withdrawn_on === null,
    recordedByName: r.recorded_by_name,
  }));
}

async function handoffsOf(db: Db, personId: string) {
  const rows = await handoffRecords(db, personId, 'desc');
  return rows.map((r) => ({
    id: r.id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    purpose: r.purpose as HandoffPurpose,
    purposeLabel: HANDOFF_PURPOSE_LABELS[r.purpose as HandoffPurpose],
    sections: r.sections as Section[],
    note: r.note,
    sharedOn: r.shared_on,
    sharedByName: r.shared_by_name,
    consentId: r.consent_id,
  }));
}

const yesNo = (v: boolean | null) => (v === null ? 'non renseigné' : v ? 'oui' : 'non');

/** The summary the coach sends to the partner: only the parts chosen, in French. */
async function handoffSummary(
  db: Db,
  person: WritablePerson,
  sections: Section[],
  partnerName: string,
  organisationName: string,
  today: string,
) {
  const lines = [
    `Transmission à ${partnerName} — ${organisationName}, le ${frenchDate(today)}`,
    'Données transmises avec le consentement de la personne (transmission à ce partenaire).',
  ];
  if (sections.includes('identity')) {
    lines.push(
      '',
      `${SECTION_LABELS.identity} : ${person.first_name} ${person.last_name}`,
      `Date de naissance : ${person.birth_date ? frenchDate(person.birth_date) : 'non renseignée'}`,
    );
  }
  if (sections.includes('contact')) {
    lines.push(
      '',
      `${SECTION_LABELS.contact} :`,
      `Téléphone : ${person.phone ?? 'non renseigné'}`,
      `E-mail : ${person.email ?? 'non renseigné'}`,
      `Adresse : ${[person.address, person.postcode, person.commune].filter(Boolean).join(', ') || 'non renseignée'}`,
    );
  }
  if (sections.includes('situation')) {
    lines.push(
      '',
      `${SECTION_LABELS.situation} :`,
      `Mois sans emploi : ${person.months_without_job ?? 'non renseigné'}`,
      `Permis de conduire : ${yesNo(person.driving_licence)} ; voiture : ${yesNo(person.has_car)}`,
      `Métiers souhaités : ${(person.wished_jobs as string[]).join(', ') || 'non renseignés'}`,
    );
  }
  if (sections.includes('trajectory')) {
    const coach = person.coach_id
      ? await db.selectFrom('app_user').select('name').where('id', '=', person.coach_id).executeTakeFirst()
      : undefined;
    lines.push(
      '',
      `${SECTION_LABELS.trajectory} :`,
      `Phase : ${PHASE_LABELS[person.phase as Phase]} depuis le ${frenchDate(person.phase_since)}`,
      `Entrée en pré-embauche : ${person.pre_hire_entry ? frenchDate(person.pre_hire_entry) : '—'}`,
      `Jobcoach : ${coach?.name ?? 'non désigné'}`,
    );
  }
  if (sections.includes('contracts')) {
    const contracts = await db
      .selectFrom('contract as k')
      .innerJoin('employer as e', 'e.id', 'k.employer_id')
      .select(['k.type', 'k.job_title', 'k.start_on', 'k.actual_end_on', 'e.name'])
      .where('k.person_id', '=', person.id)
      .where('k.cancelled_at', 'is', null)
      .orderBy('k.start_on')
      .execute();
    lines.push('', `${SECTION_LABELS.contracts} :`);
    if (contracts.length === 0) lines.push('aucun contrat');
    for (const k of contracts) {
      lines.push(
        `- ${CONTRACT_TYPE_LABELS[k.type as ContractType]} « ${k.job_title} » chez ${k.name}, depuis le ${frenchDate(k.start_on)}${k.actual_end_on ? ` jusqu’au ${frenchDate(k.actual_end_on)}` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

/** The person's consents, newest first (persons.read, in scope). */
export const listConsents = defineQuery('privacy.listConsents', personIdInput, async (ctx, { personId }) => {
  await requirePerson(ctx, 'persons.read', personId);
  return consentsOf(ctx.db, personId);
});

/** A consent given for a purpose (one in force per purpose and partner). */
export const giveConsent = defineCommand(
  'privacy.giveConsent',
  consentInputSchema.extend({ personId: idSchema }),
  { action: 'consent_given', entity: 'person' },
  async (ctx, { personId, ...body }) => {
    const ps = await requirePerson(ctx, 'persons.write', personId);
    assertNotFuture('givenOn', body.givenOn, ctx.today);
    if (body.informationOn && body.informationOn > body.givenOn) {
      throw invalid(
        'informationOn',
        'l’information précède le consentement : date au plus tard le jour du consentement.',
      );
    }
    if (body.purpose === 'sharing_with_partner' && !body.partnerId) {
      throw invalid('partnerId', 'choisissez le partenaire à qui les données peuvent être transmises.');
    }
    if (body.purpose !== 'sharing_with_partner' && body.partnerId) {
      throw invalid('partnerId', 'un partenaire ne se précise que pour une transmission à un partenaire.');
    }
    ctx.audit.entityId = personId;
    ctx.audit.details = { purpose: body.purpose, partnerId: body.partnerId ?? null };
    await writablePerson(ctx, personId);
    if (body.partnerId) await assertPartner(ctx.db, ctx.organisationId, body.partnerId, 'partnerId');
    let existing = ctx.db
      .selectFrom('person_consent')
      .select('id')
      .where('person_id', '=', personId)
      .where('purpose', '=', body.purpose)
      .where('withdrawn_on', 'is', null);
    existing = body.partnerId
      ? existing.where('partner_id', '=', body.partnerId)
      : existing.where('partner_id', 'is', null);
    if (await existing.executeTakeFirst()) {
      throw new AppError(
        409,
        'conflict',
        'Un consentement est déjà en vigueur pour cette finalité : retirez-le d’abord pour en enregistrer un nouveau.',
      );
    }
    await ctx.db
      .insertInto('person_consent')
      .values({
        organisation_id: ctx.organisationId,
        person_id: personId,
        purpose: body.purpose,
        partner_id: body.partnerId ?? null,
        given_on: body.givenOn,
        information_on: body.informationOn ?? null,
        notice: body.notice,
        note: body.note ?? null,
        recorded_by: ps.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
    return consentsOf(ctx.db, personId);
  },
);

/** A consent withdrawn on a day (not before it was given). */
export const withdrawConsent = defineCommand(
  'privacy.withdrawConsent',
  consentWithdrawalSchema.extend({ personId: idSchema, consentId: idSchema }),
  { action: 'consent_withdrawn', entity: 'person' },
  async (ctx, { personId, consentId, withdrawnOn }) => {
    const ps = await requirePerson(ctx, 'persons.write', personId);
    assertNotFuture('withdrawnOn', withdrawnOn, ctx.today);
    ctx.audit.entityId = personId;
    const details: Record<string, unknown> = { consentId };
    ctx.audit.details = details;
    await writablePerson(ctx, personId);
    const consent = await ctx.db
      .selectFrom('person_consent')
      .select(['id', 'given_on', 'withdrawn_on', 'purpose'])
      .where('id', '=', consentId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!consent) throw notFound('Consentement');
    details.purpose = consent.purpose;
    if (consent.withdrawn_on) throw new AppError(409, 'conflict', 'Ce consentement a déjà été retiré.');
    if (withdrawnOn < consent.given_on) {
      throw invalid('withdrawnOn', 'le retrait ne peut pas précéder le consentement.');
    }
    await ctx.db
      .updateTable('person_consent')
      .set({ withdrawn_on: withdrawnOn, withdrawn_by: ps.userId, updated_at: ctx.now })
      .where('id', '=', consentId)
      .execute();
    return consentsOf(ctx.db, personId);
  },
);

/** The hand-offs of the person's data to partners, newest first (persons.read, in scope). */
export const listHandoffs = defineQuery('privacy.listHandoffs', personIdInput, async (ctx, { personId }) => {
  await requirePerson(ctx, 'persons.read', personId);
  return handoffsOf(ctx.db, personId);
});

/**
 * A hand-off of chosen parts of the file to a partner, with the summary to give them; refused
 * without the person's consent to share with this very partner, in force today.
 */
export const handOff = defineCommand(
  'privacy.handOff',
  handoffInputSchema.extend({ personId: idSchema }),
  { action: 'handoff', entity: 'person' },
  async (ctx, { personId, ...body }) => {
    const ps = await requirePerson(ctx, 'persons.write', personId);
    const today = ctx.today;
    ctx.audit.entityId = personId;
    ctx.audit.details = { partnerId: body.partnerId, purpose: body.purpose, sections: body.sections };
    const person = await writablePerson(ctx, personId);
    const partner = await assertPartner(ctx.db, ctx.organisationId, body.partnerId, 'partnerId');
    const consent = await ctx.db
      .selectFrom('person_consent')
      .select('id')
      .where('person_id', '=', personId)
      .where('purpose', '=', 'sharing_with_partner')
      .where('partner_id', '=', body.partnerId)
      .where('withdrawn_on', 'is', null)
      .where('given_on', '<=', today)
      .executeTakeFirst();
    if (!consent) {
      throw new AppError(
        409,
        'consent_required',
        `La personne n’a pas donné son consentement à la transmission de ses données à « ${partner.name} » (ou l’a retiré) : enregistrez d’abord ce consentement.`,
        'partnerId',
      );
    }
    const organisation = await ctx.db
      .selectFrom('organisation')
      .select('name')
      .where('id', '=', ctx.organisationId)
      .executeTakeFirstOrThrow();
    const row = await ctx.db
      .insertInto('person_handoff')
      .values({
        organisation_id: ctx.organisationId,
        person_id: personId,
        partner_id: body.partnerId,
        consent_id: consent.id,
        purpose: body.purpose,
        sections: JSON.stringify(body.sections),
        note: body.note ?? null,
        shared_on: today,
        shared_by: ps.userId,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const summary = await handoffSummary(
      ctx.db,
      person,
      body.sections,
      partner.name,
      organisation.name,
      today,
    );
    const handoff = (await handoffsOf(ctx.db, personId)).find((h) => h.id === row.id)!;
    return { handoff, summary };
  },
);

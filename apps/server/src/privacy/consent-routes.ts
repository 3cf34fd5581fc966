import {
  type Consent,
  type ConsentPurpose,
  consentInputSchema,
  consentListSchema,
  consentParams,
  consentWithdrawalSchema,
  type HandoffPurpose,
  type HandoffSection,
  handoffCreatedSchema,
  handoffInputSchema,
  handoffListSchema,
  idParams,
} from '@jobcoach/contract';
import { CONTRACT_TYPE_LABELS, type ContractType, PHASE_LABELS, type Phase } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { requirePerson } from '../http/scope.ts';
import { assertNotFuture, type Db, frenchDate } from '../persons/common.ts';
import { assertPartner, personErased } from '../persons/queries.ts';
import { consentRecords, handoffRecords } from './records.ts';

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

/** The person of the caller's organisation (not deleted), locked when inside a transaction. */
async function personOf(db: Db, organisationId: string, id: string, lock = false) {
  let q = db
    .selectFrom('person')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  if (lock) q = q.forUpdate();
  const person = await q.executeTakeFirst();
  if (!person) throw notFound('Personne');
  return person;
}

/**
 * The person about to be written, locked; an erased person's file is read-only (409
 * `person_erased`, as every write on a person).
 */
async function writablePerson(trx: Db, organisationId: string, id: string) {
  const person = await personOf(trx, organisationId, id, true);
  if (person.erased_at) throw personErased();
  return person;
}

export async function listConsents(db: Db, personId: string): Promise<Consent[]> {
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

async function listHandoffs(db: Db, personId: string) {
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
  person: Awaited<ReturnType<typeof personOf>>,
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

/**
 * Consent per purpose (with the information given) and hand-offs of a person's data to a named
 * partner, refused without a sharing consent in force for that partner.
 */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  /** The person, for a caller allowed to read them (persons.read, in scope). */
  async function readablePerson(request: FastifyRequest, id: string) {
    const scope = await requirePerson(request, 'persons.read', id);
    return personOf(db, scope.organisationId, id);
  }

  app.get(
    '/api/persons/:id/consents',
    {
      config: { access: 'session' },
      schema: { tags: ['privacy'], params: idParams, response: { 200: consentListSchema } },
    },
    async (request) => {
      const person = await readablePerson(request, request.params.id);
      return listConsents(db, person.id);
    },
  );

  app.post(
    '/api/persons/:id/consents',
    {
      config: { access: 'session', audit: { action: 'consent_given', entity: 'person' } },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: consentInputSchema,
        response: { 201: consentListSchema },
      },
    },
    async (request, reply) => {
      const scope = await requirePerson(request, 'persons.write', request.params.id);
      const body = request.body;
      const orgId = scope.organisationId;
      const today = clock.today();
      assertNotFuture('givenOn', body.givenOn, today);
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
      const personId = request.params.id;
      await request.mutate(async (trx, audit) => {
        audit.entityId = personId;
        audit.organisationId = orgId;
        audit.details = { purpose: body.purpose, partnerId: body.partnerId ?? null };
        await writablePerson(trx, orgId, personId);
        if (body.partnerId) await assertPartner(trx, orgId, body.partnerId, 'partnerId');
        let existing = trx
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
        await trx
          .insertInto('person_consent')
          .values({
            organisation_id: orgId,
            person_id: personId,
            purpose: body.purpose,
            partner_id: body.partnerId ?? null,
            given_on: body.givenOn,
            information_on: body.informationOn ?? null,
            notice: body.notice,
            note: body.note ?? null,
            recorded_by: scope.userId,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .execute();
      });
      return reply.status(201).send(await listConsents(db, personId));
    },
  );

  app.post(
    '/api/persons/:id/consents/:consentId/withdraw',
    {
      config: { access: 'session', audit: { action: 'consent_withdrawn', entity: 'person' } },
      schema: {
        tags: ['privacy'],
        params: consentParams,
        body: consentWithdrawalSchema,
        response: { 200: consentListSchema },
      },
    },
    async (request) => {
      const scope = await requirePerson(request, 'persons.write', request.params.id);
      const { id, consentId } = request.params;
      const { withdrawnOn } = request.body;
      const orgId = scope.organisationId;
      assertNotFuture('withdrawnOn', withdrawnOn, clock.today());
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = orgId;
        audit.details = { consentId };
        await writablePerson(trx, orgId, id);
        const consent = await trx
          .selectFrom('person_consent')
          .select(['id', 'given_on', 'withdrawn_on', 'purpose'])
          .where('id', '=', consentId)
          .where('person_id', '=', id)
          .where('organisation_id', '=', orgId)
          .executeTakeFirst();
        if (!consent) throw notFound('Consentement');
        audit.details.purpose = consent.purpose;
        if (consent.withdrawn_on) throw new AppError(409, 'conflict', 'Ce consentement a déjà été retiré.');
        if (withdrawnOn < consent.given_on) {
          throw invalid('withdrawnOn', 'le retrait ne peut pas précéder le consentement.');
        }
        await trx
          .updateTable('person_consent')
          .set({ withdrawn_on: withdrawnOn, withdrawn_by: scope.userId, updated_at: clock.now() })
          .where('id', '=', consentId)
          .execute();
      });
      return listConsents(db, id);
    },
  );

  app.get(
    '/api/persons/:id/handoffs',
    {
      config: { access: 'session' },
      schema: { tags: ['privacy'], params: idParams, response: { 200: handoffListSchema } },
    },
    async (request) => {
      const person = await readablePerson(request, request.params.id);
      return listHandoffs(db, person.id);
    },
  );

  app.post(
    '/api/persons/:id/handoffs',
    {
      config: { access: 'session', audit: { action: 'handoff', entity: 'person' } },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: handoffInputSchema,
        response: { 201: handoffCreatedSchema },
      },
    },
    async (request, reply) => {
      const scope = await requirePerson(request, 'persons.write', request.params.id);
      const body = request.body;
      const orgId = scope.organisationId;
      const personId = request.params.id;
      const today = clock.today();
      const result = await request.mutate(async (trx, audit) => {
        audit.entityId = personId;
        audit.organisationId = orgId;
        audit.details = { partnerId: body.partnerId, purpose: body.purpose, sections: body.sections };
        const person = await writablePerson(trx, orgId, personId);
        const partner = await assertPartner(trx, orgId, body.partnerId, 'partnerId');
        // No hand-off without the person's consent to share with this very partner, in force today.
        const consent = await trx
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
        const organisation = await trx
          .selectFrom('organisation')
          .select('name')
          .where('id', '=', orgId)
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto('person_handoff')
          .values({
            organisation_id: orgId,
            person_id: personId,
            partner_id: body.partnerId,
            consent_id: consent.id,
            purpose: body.purpose,
            sections: JSON.stringify(body.sections),
            note: body.note ?? null,
            shared_on: today,
            shared_by: scope.userId,
            created_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const summary = await handoffSummary(
          trx,
          person,
          body.sections,
          partner.name,
          organisation.name,
          today,
        );
        return { id: row.id, summary };
      });
      const handoff = (await listHandoffs(db, personId)).find((h) => h.id === result.id)!;
      return reply.status(201).send({ handoff, summary: result.summary });
    },
  );
};

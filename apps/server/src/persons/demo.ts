import type { Database, Transaction } from '@jobcoach/db';
import { addDays, COACHABILITY_CONDITIONS, findTransition, minDate, type Phase } from '@jobcoach/domain';
import { type ContactRowWithPersons, insertContacts } from '../contacts/queries.ts';
import { weekOf } from './common.ts';
import {
  CONTACT_NOTES,
  EMPLOYERS,
  JOBS,
  LAST_NAMES,
  MEN,
  SCENARIOS,
  type Scenario,
  seededRandom,
  WOMEN,
} from './demo-data.ts';

export interface DemoOrganisationContext {
  organisationId: string;
  key: string;
  city: string;
  postcode: string;
  coachIds: string[];
  /** Scenario keys, one person each (see demo-data.ts). */
  mix: string[];
  womenOnly?: boolean;
}

/** A valid NISS for a birth date (serial odd for men, even for women, as the register does). */
export function demoNiss(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const base = `${y.slice(2)}${m}${d}${String(serial).padStart(3, '0')}`;
  const n = Number(y) >= 2000 ? Number(`2${base}`) : Number(base);
  return `${base}${String(97 - (n % 97)).padStart(2, '0')}`;
}

const stamp = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** The organisation's partner directory: the usual prescribers and service providers. */
async function seedPartners(trx: Transaction<Database>, ctx: DemoOrganisationContext) {
  const partners = [
    { name: `CPAS de ${ctx.city}`, type: 'cpas', contact: 'Service d’insertion socioprofessionnelle' },
    { name: `FOREm ${ctx.city}`, type: 'forem', contact: 'Conseillère référente jobcoaching' },
    { name: 'Lire et Écrire', type: 'association', contact: 'Cours d’alphabétisation' },
    { name: 'Médiation de dettes', type: 'debt_mediation', contact: 'Service agréé, sur rendez-vous' },
    { name: 'ONE — consultations et crèches', type: 'childcare', contact: null },
  ];
  const ids: Record<string, string> = {};
  for (const p of partners) {
    const row = await trx
      .insertInto('partner')
      .values({ organisation_id: ctx.organisationId, ...p })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[p.type] = row.id;
  }
  return ids;
}

/** Phase, phase start, first pre-hire entry and employment periods after the scenario's steps. */
function replay(s: Scenario, today: string) {
  let phase: Phase = 'intake';
  let since = addDays(today, s.receivedAt);
  let entry = null as string | null;
  const periods: { kind: string; start: string; end: string | null }[] = [];
  const events = s.steps.map((step) => {
    const date = addDays(today, step.at);
    const from = phase;
    const to = findTransition(step.id)!.to;
    if (step.id === 'enter_pre_hire') entry ??= date;
    if (step.id === 'start_follow_up') {
      periods.push({
        kind: step.kind,
        start: date,
        end: step.endAt === undefined ? null : addDays(today, step.endAt),
      });
    }
    phase = to;
    since = date;
    return { step, date, from, to };
  });
  return { phase, since, entry, periods, events };
}

export async function seedDemoPersons(
  trx: Transaction<Database>,
  ctx: DemoOrganisationContext,
  today: string,
) {
  const random = seededRandom(ctx.key);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const partners = await seedPartners(trx, ctx);
  let index = 0;
  for (const key of ctx.mix) {
    const s = SCENARIOS[key]!;
    const coachId = ctx.coachIds[index % ctx.coachIds.length]!;
    const woman = ctx.womenOnly || random() < 0.55;
    const age = 19 + Math.floor(random() * 40);
    const birthDate = addDays(today, -(age * 365 + Math.floor(random() * 360)));
    const [sector, job] = pick(JOBS);
    const referredBy = random() < 0.6 ? pick(['cpas', 'forem', 'association']) : null;
    const { phase, since, entry, periods, events } = replay(s, today);
    const children = woman && random() < 0.45 ? 1 + Math.floor(random() * 3) : 0;
    const received = addDays(today, s.receivedAt);
    const person = await trx
      .insertInto('person')
      .values({
        organisation_id: ctx.organisationId,
        first_name: pick(woman ? WOMEN : MEN),
        last_name: LAST_NAMES[(index * 5 + ctx.key.length * 3) % LAST_NAMES.length]!,
        birth_date: birthDate,
        sex: woman ? 'woman' : 'man',
        niss: random() < 0.75 ? demoNiss(birthDate, 2 * (10 + index) + (woman ? 0 : 1)) : null,
        postcode: ctx.postcode,
        commune: ctx.city,
        phone: `04${70 + Math.floor(random() * 29)} ${String(10 + index).padStart(2, '0')} ${String(Math.floor(random() * 90) + 10)} ${String(Math.floor(random() * 90) + 10)}`,
        origin: random() < 0.65 ? 'belgian_or_european' : 'foreign_or_foreign_origin',
        studies: pick(['ceb', 'cesi', 'cesi', 'cess', 'other']),
        months_without_job: 6 + Math.floor(random() * 60),
        income: pick(['unemployment_benefit', 'integration_income', 'integration_income', 'none']),
        single_parent: children > 0 && random() < 0.7,
        children_count: children,
        debt_settlement_plan: s.debtPlan === true,
        driving_licence: random() < 0.4,
        has_car: random() < 0.25,
        public_transport: true,
        max_travel_minutes: pick([30, 45, 60]),
        // French spoken well, read and written at a level of its own; a second language spoken.
        languages: JSON.stringify(
          (random() < 0.3 ? ['fr', pick(['ar', 'tr', 'it', 'nl'])] : ['fr']).map((code, i) =>
            i === 0
              ? { code, understand: 'fluent', speak: 'fluent', read: 'good', write: 'basic' }
              : { code, understand: 'good', speak: 'good' },
          ),
        ),
        schedule_days: JSON.stringify(['mon', 'tue', 'wed', 'thu', 'fri']),
        schedule_limits: JSON.stringify(children > 0 ? ['no_evening', 'no_weekend'] : []),
        wished_sectors: JSON.stringify([sector]),
        wished_jobs: JSON.stringify([job]),
        cdi_only: random() < 0.1,
        skills_know_how: `Expérience en ${sector.toLowerCase()} (stages et intérims).`,
        skills_soft: pick([
          'Ponctuelle et fiable.',
          'Travaille bien en équipe.',
          'Manque de confiance en soi.',
        ]),
        referral_kind: referredBy ? 'partner' : pick(['spontaneous', 'word_of_mouth']),
        referral_partner_id: referredBy ? partners[referredBy]! : null,
        referral_received_on: received,
        information_session_on: s.receivedAt < -3 ? addDays(received, 2) : null,
        consent_on: s.receivedAt < -3 ? addDays(received, 2) : null,
        consent_scope: s.receivedAt < -3 ? 'Suivi du parcours et échanges avec les partenaires cités.' : null,
        trust_contract_signed_on: entry,
        phase,
        phase_since: since,
        pre_hire_entry: entry,
        coach_id: coachId,
        created_by: coachId,
        created_at: stamp(received, 9),
        updated_at: stamp(since, 9),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = { organisation_id: ctx.organisationId, person_id: person.id };
    if (s.assessment) {
      const a = s.assessment;
      const unmet = a.decision === 'accepted' ? null : 'available_short_notice';
      const conditions = Object.fromEntries(
        COACHABILITY_CONDITIONS.map((c) => [
          c,
          { met: c !== unmet, comment: c === unmet ? (a.reason ?? null) : null },
        ]),
      );
      await trx
        .insertInto('coachability_assessment')
        .values({
          ...base,
          assessed_on: addDays(today, a.at),
          conditions: JSON.stringify(conditions),
          decision: a.decision,
          review_date: a.reviewAt === undefined ? null : addDays(today, a.reviewAt),
          redirect_partner_id: a.decision === 'redirected' ? partners.debt_mediation! : null,
          reason: a.reason ?? null,
          assessor_id: coachId,
          created_at: stamp(addDays(today, a.at), 11),
        })
        .execute();
    }
    for (const e of events) {
      const { step } = e;
      const fields: Record<string, unknown> = { date: e.date };
      if (step.id === 'enter_pre_hire') fields.trustContractSignedOn = e.date;
      if (step.id === 'start_hiring') fields.employerId = pick(EMPLOYERS);
      if (step.id === 'start_follow_up') {
        Object.assign(fields, { contractKind: step.kind, contractStart: e.date });
        if (step.endAt !== undefined) fields.contractEnd = addDays(today, step.endAt);
      }
      if (step.id === 'return_to_pre_hire') fields.returnReason = step.reason;
      if (step.id === 'exit') fields.exitReason = step.reason;
      await trx
        .insertInto('trajectory_event')
        .values({
          ...base,
          actor_id: coachId,
          at: stamp(e.date, 10),
          date: e.date,
          transition_id: step.id,
          from_phase: e.from,
          to_phase: e.to,
          reason: 'reason' in step ? step.reason : null,
          detail: null,
          fields: JSON.stringify(fields),
        })
        .execute();
    }
    if (entry) {
      await trx
        .insertInto('person_document')
        .values({
          ...base,
          kind: 'trust_contract',
          dated_on: entry,
          author_id: coachId,
          created_at: stamp(entry, 10),
        })
        .execute();
    }
    for (const p of periods) {
      await trx
        .insertInto('employment_period')
        .values({ ...base, kind: p.kind, start_on: p.start, end_on: p.end, created_by: coachId })
        .execute();
    }
    if (s.contacts && entry) {
      const rows: ContactRowWithPersons[] = [];
      for (let at = s.contacts.lastAt; addDays(today, at) >= entry; at -= s.contacts.every) {
        const date = addDays(today, at);
        const atWork = periods.some((p) => p.start <= date && (p.end === null || date <= p.end));
        rows.push({
          organisation_id: base.organisation_id,
          persons: [{ personId: base.person_id, present: true }],
          date,
          channel: atWork
            ? pick(['visit', 'phone'] as const)
            : pick(['office_meeting', 'phone', 'office_meeting'] as const),
          duration_minutes: pick([20, 30, 45, 60]),
          notes: pick(CONTACT_NOTES),
          // Kept within the current week, so that "planned this week" has entries whatever the day.
          next_planned_on:
            at === s.contacts.lastAt && s.contacts.nextAt !== undefined
              ? minDate(addDays(today, s.contacts.nextAt), weekOf(today).sunday)
              : null,
          author_id: coachId,
          created_at: stamp(date, 15),
        });
      }
      await insertContacts(trx, rows);
    }
    index += 1;
  }
}

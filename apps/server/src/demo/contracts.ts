import type { Database, Kysely, Transaction } from '@jobcoach/db';
import {
  addDays,
  COACHABILITY_CONDITIONS,
  type ContractEndReason,
  type ContractType,
  type FollowUpMode,
  type HiringAid,
} from '@jobcoach/domain';
import { Context } from '../application/context.ts';
import { insertContacts } from '../contacts/queries.ts';
import { signContract, updateContract } from '../contracts/service.ts';
import { moveTrajectory } from '../persons/use-cases/move-trajectory.ts';

/**
 * Demo contracts (after seed.ts's persons and demo/employers.ts's registry): the jobs of the demo
 * persons in follow-up become real contracts with the basin's employers, the person hired through a
 * presentation signs a CDI that starts next week, and each organisation gets seven persons whose
 * stories cover every contract type and every end reason, some followed discreetly. The stories are
 * played through the contracts' own code (contracts/service.ts), so their trajectories, clocks and
 * timelines are exactly what the API would have produced.
 */

type EmployerKey = 'bakery' | 'cleaning' | 'warehouse';

interface Signing {
  ref: string;
  type: ContractType;
  employer: EmployerKey;
  signedAt: number;
  startAt: number;
  plannedEndAt?: number;
  hours?: number;
  job: string;
  aids?: HiringAid[];
  arrangement?: {
    mode: FollowUpMode;
    discreet?: boolean;
    threeWayReason?: 'other_means_exhausted' | 'explicit_request';
    reference?: boolean;
    notes?: string;
  };
}

interface Ending {
  ref: string;
  at: number;
  reason: ContractEndReason;
  detail?: string;
  nextPlannedEndAt?: number;
}

interface Story {
  woman: string;
  man: string;
  lastName: string;
  /** Entry into pre-hire (days from the seeding day). */
  entry: number;
  actions: ({ sign: Signing } | { end: Ending })[];
  /** The last direct contact with the person. */
  lastContactAt: number;
}

/** Offsets are days from the seeding day (negative = past). */
const STORIES: Story[] = [
  {
    // A CDD renewed once, ending soon (the alert in "Ma journée"), followed discreetly.
    woman: 'Stéphanie',
    man: 'Benoît',
    lastName: 'Maréchal',
    entry: -300,
    actions: [
      {
        sign: {
          ref: 'cdd',
          type: 'cdd',
          employer: 'bakery',
          signedAt: -123,
          startAt: -120,
          plannedEndAt: -61,
          hours: 30,
          job: 'Vendeuse en boulangerie',
          aids: ['impulsion_12_months'],
          arrangement: {
            mode: 'phone',
            discreet: true,
            notes: 'La personne ne souhaite pas que son employeur sache qu’elle est accompagnée.',
          },
        },
      },
      { end: { ref: 'cdd', at: -61, reason: 'renewed', nextPlannedEndAt: 12 } },
    ],
    lastContactAt: -4,
  },
  {
    // An interim job abandoned, back to pre-hire, then a short work immersion.
    woman: 'Jennifer',
    man: 'Dylan',
    lastName: 'Piron',
    entry: -400,
    actions: [
      {
        sign: {
          ref: 'interim',
          type: 'interim',
          employer: 'warehouse',
          signedAt: -201,
          startAt: -200,
          plannedEndAt: -150,
          hours: 38,
          job: 'Préparateur·rice de commandes',
        },
      },
      {
        end: {
          ref: 'interim',
          at: -170,
          reason: 'abandonment',
          detail: 'Horaires en pause de nuit devenus intenables avec les enfants.',
        },
      },
      {
        sign: {
          ref: 'immersion',
          type: 'immersion',
          employer: 'cleaning',
          signedAt: -62,
          startAt: -60,
          plannedEndAt: -50,
          job: 'Stage d’immersion en nettoyage',
        },
      },
      { end: { ref: 'immersion', at: -50, reason: 'term_reached' } },
    ],
    lastContactAt: -3,
  },
  {
    // An art. 60 §7 job with the CPAS's partner, follow-up ending within two months.
    woman: 'Rachida',
    man: 'Hamid',
    lastName: 'Thiry',
    entry: -420,
    actions: [
      {
        sign: {
          ref: 'art60',
          type: 'art_60_7',
          employer: 'cleaning',
          signedAt: -152,
          startAt: -150,
          plannedEndAt: 400,
          hours: 38,
          job: 'Aide ménagère',
          arrangement: { mode: 'workplace_visits', reference: true },
        },
      },
    ],
    lastContactAt: -6,
  },
  {
    // A subsidised open-ended job whose trial period did not work out.
    woman: 'Cindy',
    man: 'Jordan',
    lastName: 'Wauthier',
    entry: -250,
    actions: [
      {
        sign: {
          ref: 'sine',
          type: 'other_subsidised',
          employer: 'bakery',
          signedAt: -122,
          startAt: -120,
          hours: 25,
          job: 'Commis de cuisine',
          aids: ['sine'],
        },
      },
      { end: { ref: 'sine', at: -110, reason: 'trial_period_failed' } },
    ],
    lastContactAt: -2,
  },
  {
    // A CDI left by resignation, then a CDD running, with a three-way meeting asked for.
    woman: 'Mélissa',
    man: 'Anthony',
    lastName: 'Jacquemin',
    entry: -350,
    actions: [
      {
        sign: {
          ref: 'cdi',
          type: 'cdi',
          employer: 'cleaning',
          signedAt: -202,
          startAt: -200,
          hours: 20,
          job: 'Technicienne de surface',
          aids: ['impulsion_12_months'],
        },
      },
      {
        end: {
          ref: 'cdi',
          at: -100,
          reason: 'resignation',
          detail: 'Déménagement trop loin du lieu de travail.',
        },
      },
      {
        sign: {
          ref: 'cdd',
          type: 'cdd',
          employer: 'warehouse',
          signedAt: -31,
          startAt: -28,
          plannedEndAt: 90,
          hours: 38,
          job: 'Magasinier·ère',
          arrangement: {
            mode: 'three_way',
            threeWayReason: 'explicit_request',
            reference: true,
            notes: 'L’employeur demande une rencontre à trois pour revoir les horaires.',
          },
        },
      },
    ],
    lastContactAt: -5,
  },
  {
    // A CDD cut short by a dismissal: back to pre-hire with the pre-hire time left.
    woman: 'Audrey',
    man: 'Cédric',
    lastName: 'Lallemand',
    entry: -380,
    actions: [
      {
        sign: {
          ref: 'cdd',
          type: 'cdd',
          employer: 'bakery',
          signedAt: -152,
          startAt: -150,
          plannedEndAt: -30,
          hours: 38,
          job: 'Aide-boulanger·ère',
        },
      },
      { end: { ref: 'cdd', at: -90, reason: 'dismissal', detail: 'Retards répétés selon l’employeur.' } },
    ],
    lastContactAt: -4,
  },
  {
    // A CDD converted to CDI: the follow-up continues within the CDD's six months.
    woman: 'Laura',
    man: 'Maxime',
    lastName: 'Detry',
    entry: -280,
    actions: [
      {
        sign: {
          ref: 'cdd',
          type: 'cdd',
          employer: 'warehouse',
          signedAt: -142,
          startAt: -140,
          plannedEndAt: -50,
          hours: 38,
          job: 'Réassortisseur·euse',
          aids: ['impulsion_under_25'],
          arrangement: { mode: 'bilateral', reference: true },
        },
      },
      { end: { ref: 'cdd', at: -81, reason: 'converted_to_cdi' } },
    ],
    lastContactAt: -7,
  },
];

const stamp = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

async function convertEmploymentPeriods(
  trx: Transaction<Database>,
  organisationId: string,
  employers: Record<EmployerKey, { id: string; name: string; reference: string | null }>,
  byName: Map<string, string>,
  today: string,
) {
  const periods = await trx
    .selectFrom('employment_period as ep')
    .innerJoin('person as p', 'p.id', 'ep.person_id')
    .select([
      'ep.id',
      'ep.person_id',
      'ep.kind',
      'ep.start_on',
      'ep.end_on',
      'p.phase',
      'p.coach_id',
      'p.wished_jobs',
    ])
    .where('ep.organisation_id', '=', organisationId)
    .execute();
  for (const period of periods) {
    const hiring = await trx
      .selectFrom('trajectory_event')
      .select('fields')
      .where('person_id', '=', period.person_id)
      .where('transition_id', '=', 'start_hiring')
      .where('date', '<=', period.start_on)
      .orderBy('date', 'desc')
      .executeTakeFirst();
    const named =
      typeof hiring?.fields.employerId === 'string' ? byName.get(hiring.fields.employerId) : undefined;
    const employerId = named ?? employers.bakery.id;
    const type: ContractType =
      period.kind === 'cdi' ? 'cdi' : period.kind === 'cdd' ? 'cdd' : 'other_subsidised';
    const ended = period.end_on !== null && period.end_on < today;
    const contract = await trx
      .insertInto('contract')
      .values({
        organisation_id: organisationId,
        person_id: period.person_id,
        employer_id: employerId,
        type,
        signed_on: addDays(period.start_on, -3),
        start_on: period.start_on,
        planned_end_on: type === 'cdi' ? null : period.end_on,
        hours_per_week: 38,
        job_title: period.wished_jobs[0] ?? 'Employé·e',
        hiring_aids: JSON.stringify(type === 'cdi' ? ['impulsion_12_months'] : []),
        actual_end_on: ended ? period.end_on : null,
        end_reason: ended ? (type === 'cdi' ? 'dismissal' : 'term_reached') : null,
        created_by: period.coach_id,
        created_at: stamp(addDays(period.start_on, -3)),
        updated_at: stamp(ended ? period.end_on! : addDays(period.start_on, -3)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (period.phase === 'follow_up') {
      // A CDD followed discreetly (the person asked for it), a CDI with bilateral talks.
      const discreet = type === 'cdd';
      const reference = discreet ? null : employers.bakery.reference;
      await trx
        .insertInto('follow_up_arrangement')
        .values({
          organisation_id: organisationId,
          person_id: period.person_id,
          contract_id: contract.id,
          reference_name: reference,
          mode: discreet ? 'phone' : 'bilateral',
          consent_on: period.start_on,
          discreet,
          notes: discreet ? 'Pas de contact avec l’employeur : la personne craint d’être étiquetée.' : null,
          updated_by: period.coach_id,
          created_at: stamp(period.start_on),
          updated_at: stamp(period.start_on),
        })
        .execute();
    }
    await trx.deleteFrom('employment_period').where('id', '=', period.id).execute();
  }
  // A consolidated insertion ended with the end-of-coaching letter.
  const exits = await trx
    .selectFrom('trajectory_event')
    .select(['person_id', 'date', 'actor_id', 'at'])
    .where('organisation_id', '=', organisationId)
    .where('transition_id', '=', 'exit')
    .where('reason', '=', 'consolidated_insertion')
    .execute();
  for (const exit of exits) {
    await trx
      .insertInto('person_document')
      .values({
        organisation_id: organisationId,
        person_id: exit.person_id,
        kind: 'end_letter',
        dated_on: exit.date,
        author_id: exit.actor_id,
        created_at: exit.at,
      })
      .execute();
  }
}

async function playStory(
  trx: Transaction<Database>,
  story: Story,
  a: {
    organisationId: string;
    coachId: string;
    women: boolean;
    postcode: string | null;
    commune: string | null;
  },
  employers: Record<EmployerKey, { id: string; name: string; reference: string | null }>,
  today: string,
) {
  const received = addDays(today, story.entry - 20);
  const woman = a.women || story.lastName.length % 2 === 0;
  const person = await trx
    .insertInto('person')
    .values({
      organisation_id: a.organisationId,
      first_name: woman ? story.woman : story.man,
      last_name: story.lastName,
      birth_date: addDays(today, -(27 * 365 + story.entry * -3)),
      sex: woman ? 'woman' : 'man',
      postcode: a.postcode,
      commune: a.commune,
      studies: 'cesi',
      months_without_job: 26,
      income: 'integration_income',
      public_transport: true,
      languages: JSON.stringify([
        { code: 'fr', understand: 'fluent', speak: 'fluent', read: 'good', write: 'basic' },
      ]),
      referral_kind: 'spontaneous',
      referral_received_on: received,
      information_session_on: addDays(received, 2),
      consent_on: addDays(received, 2),
      phase: 'intake',
      phase_since: received,
      coach_id: a.coachId,
      created_by: a.coachId,
      created_at: stamp(received, 9),
      updated_at: stamp(received, 9),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('coachability_assessment')
    .values({
      organisation_id: a.organisationId,
      person_id: person.id,
      assessed_on: addDays(today, story.entry - 5),
      conditions: JSON.stringify(
        Object.fromEntries(COACHABILITY_CONDITIONS.map((c) => [c, { met: true, comment: null }])),
      ),
      decision: 'accepted',
      assessor_id: a.coachId,
      created_at: stamp(addDays(today, story.entry - 5), 11),
    })
    .execute();
  // The story's coach acts on each day of the story, as through the API.
  const as = (now: Date) =>
    Context.within(
      trx,
      a.organisationId,
      { userId: a.coachId, role: 'jobcoach', clientAddress: null },
      { today, now },
    );
  const on = (at: number) => as(stamp(addDays(today, Math.min(at, 0)), 14));
  const entry = addDays(today, story.entry);
  await moveTrajectory(as(stamp(entry, 10)), {
    personId: person.id,
    transitionId: 'enter_pre_hire',
    fields: { date: entry, trustContractSignedOn: entry },
  });
  const refs = new Map<string, string>();
  for (const action of story.actions) {
    if ('sign' in action) {
      const s = action.sign;
      const employer = employers[s.employer];
      const signed = await signContract(on(s.signedAt), person.id, {
        employerId: employer.id,
        type: s.type,
        signedOn: addDays(today, s.signedAt),
        start: addDays(today, s.startAt),
        plannedEnd: s.plannedEndAt === undefined ? null : addDays(today, s.plannedEndAt),
        hoursPerWeek: s.hours ?? null,
        jobTitle: s.job,
        hiringAids: s.aids ?? [],
        ...(s.arrangement
          ? {
              arrangement: {
                mode: s.arrangement.mode,
                discreet: s.arrangement.discreet ?? false,
                threeWayReason: s.arrangement.threeWayReason ?? null,
                reference:
                  s.arrangement.reference && employer.reference ? { name: employer.reference } : null,
                consentOn: addDays(today, s.signedAt),
                notes: s.arrangement.notes ?? null,
              },
            }
          : {}),
      });
      refs.set(s.ref, signed.id);
    } else {
      const e = action.end;
      const id = refs.get(e.ref)!;
      const row = await trx
        .selectFrom('contract')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await updateContract(on(e.at), id, {
        version: row.version,
        actualEnd: addDays(today, e.at),
        endReason: e.reason,
        endDetail: e.detail ?? null,
        ...(e.nextPlannedEndAt !== undefined
          ? { next: { plannedEnd: addDays(today, e.nextPlannedEndAt) } }
          : {}),
      });
    }
  }
  const contactOn = addDays(today, story.lastContactAt);
  await insertContacts(trx, [
    {
      organisation_id: a.organisationId,
      persons: [{ personId: person.id, present: true }],
      date: contactOn,
      channel: 'office_meeting',
      duration_minutes: 45,
      notes: 'Point sur le travail et sur la suite du parcours.',
      author_id: a.coachId,
      created_at: stamp(contactOn, 15),
    },
  ]);
}

/** Seeds the demo's contracts, arrangements and end letters (after seedDemo's persons and employers). */
export async function seedContracts(db: Kysely<Database>, today: string) {
  await db.transaction().execute(async (trx) => {
    const organisations = await trx
      .selectFrom('organisation')
      .select(['id', 'name', 'basin_id', 'address'])
      .orderBy('name')
      .execute();
    for (const org of organisations) {
      const coaches = await trx
        .selectFrom('membership as m')
        .innerJoin('app_user as u', 'u.id', 'm.user_id')
        .select('u.id')
        .where('m.organisation_id', '=', org.id)
        .where('m.role', '=', 'jobcoach')
        .orderBy('u.name')
        .execute();
      const registry = await trx
        .selectFrom('employer')
        .select(['id', 'name', 'reference_name'])
        .where('basin_id', '=', org.basin_id)
        .execute();
      if (coaches.length === 0 || registry.length === 0) continue;
      const byName = new Map(registry.map((e) => [e.name, e.id]));
      const find = (name: string) => {
        const e = registry.find((r) => r.name === name) ?? registry[0]!;
        return { id: e.id, name: e.name, reference: e.reference_name };
      };
      const employers = {
        bakery: find('Boulangerie Dumont'),
        cleaning: find('Titres-services Clair & Net'),
        warehouse: find('Entrepôts Logistiques du Bassin'),
      };
      await convertEmploymentPeriods(trx, org.id, employers, byName, today);

      // The person hired through a presentation signs a CDI that starts next week (still in hiring).
      const hired = await trx
        .selectFrom('presentation as pr')
        .innerJoin('person as p', 'p.id', 'pr.person_id')
        .innerJoin('vacancy as v', 'v.id', 'pr.vacancy_id')
        .select([
          'pr.id',
          'pr.person_id',
          'pr.vacancy_id',
          'p.phase_since',
          'p.coach_id',
          'v.employer_id',
          'v.title',
        ])
        .where('pr.organisation_id', '=', org.id)
        .where('pr.step', '=', 'hired')
        .where('p.phase', '=', 'hiring')
        .execute();
      for (const h of hired) {
        const coach = Context.within(
          trx,
          org.id,
          { userId: h.coach_id ?? coaches[0]!.id, role: 'jobcoach', clientAddress: null },
          { today, now: stamp(h.phase_since, 16) },
        );
        await signContract(coach, h.person_id, {
          employerId: h.employer_id,
          vacancyId: h.vacancy_id,
          presentationId: h.id,
          type: 'cdi',
          signedOn: h.phase_since,
          start: addDays(today, 6),
          plannedEnd: null,
          hoursPerWeek: 30,
          jobTitle: h.title,
          hiringAids: ['impulsion_12_months'],
          arrangement: { mode: 'bilateral', discreet: false, consentOn: h.phase_since },
        });
      }

      const sample = await trx
        .selectFrom('person')
        .select(['postcode', 'commune', 'sex'])
        .where('organisation_id', '=', org.id)
        .execute();
      const women = sample.length > 0 && sample.every((p) => p.sex === 'woman');
      for (const [index, story] of STORIES.entries()) {
        await playStory(
          trx,
          story,
          {
            organisationId: org.id,
            coachId: coaches[index % coaches.length]!.id,
            women,
            postcode: sample[0]?.postcode ?? null,
            commune: sample[0]?.commune ?? null,
          },
          employers,
          today,
        );
      }
    }
  });
}

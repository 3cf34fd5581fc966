import type { Database, Kysely, Transaction } from '@jobcoach/db';
import type { ContactChannel, ContactPurpose, PresentationStep } from '@jobcoach/domain';
import { addDays, DEFAULT_CADENCE_SETTINGS, minDate } from '@jobcoach/domain';
import { DEFAULT_TRUST_CONTRACT_TEMPLATE } from '../documents/template.ts';

/**
 * Demo employers, vacancies and presentations for the pilot organisations seeded by seed.ts: each
 * basin's registry gets a handful of employers (TPE/PME mostly, one public employer), the
 * organisation's contacts with them, vacancies (one objectified with the employer, as in the method's
 * "warehouseman speaking German" example) and presentations of persons in pre-hire at every step.
 * EDIT Verviers presents one candidate at a time, the CPAS of Fleurus about three (method.md §6).
 */

interface DemoEmployer {
  name: string;
  nace: string;
  size: 'lt10' | '10_49' | '50_249' | '250_plus';
  sector: 'private' | 'public';
  status: 'prospect' | 'contacted' | 'partner' | 'dormant';
  reference: { name: string; role: string };
}

const EMPLOYERS: DemoEmployer[] = [
  {
    name: 'Boulangerie Dumont',
    nace: '10.71',
    size: 'lt10',
    sector: 'private',
    status: 'partner',
    reference: { name: 'Marc Dumont', role: 'Patron' },
  },
  {
    name: 'Entrepôts Logistiques du Bassin',
    nace: '52.10',
    size: '50_249',
    sector: 'private',
    status: 'contacted',
    reference: { name: 'Sandrine Collard', role: 'Responsable des ressources humaines' },
  },
  {
    name: 'Titres-services Clair & Net',
    nace: '81.21',
    size: '10_49',
    sector: 'private',
    status: 'partner',
    reference: { name: 'Nadia Belkacem', role: 'Gérante' },
  },
  {
    name: 'Brasserie de la Place',
    nace: '56.10',
    size: 'lt10',
    sector: 'private',
    status: 'prospect',
    reference: { name: 'Olivier Hanse', role: 'Chef et gérant' },
  },
  {
    name: 'Administration communale',
    nace: '84.11',
    size: '250_plus',
    sector: 'public',
    status: 'dormant',
    reference: { name: 'Chantal Lemaire', role: 'Directrice générale' },
  },
];

/** The pilot organisations (seed.ts) with their town and their presentation policy. */
const ORGANISATIONS: Record<string, { city: string; postcode: string; cap: number | null; base: number }> = {
  'EDIT Verviers': { city: 'Verviers', postcode: '4800', cap: 1, base: 1_040_100 },
  'CEPPST Arlon': { city: 'Arlon', postcode: '6700', cap: null, base: 1_040_200 },
  'CPAS de Fleurus': { city: 'Fleurus', postcode: '6220', cap: 3, base: 1_040_300 },
  'FORMA Namur': { city: 'Namur', postcode: '5000', cap: null, base: 1_040_400 },
  'Mission régionale du Centre (MRC) La Louvière': {
    city: 'La Louvière',
    postcode: '7100',
    cap: null,
    base: 1_040_500,
  },
  "RES Herstal (réseau d'entreprises sociales)": {
    city: 'Herstal',
    postcode: '4040',
    cap: null,
    base: 1_040_600,
  },
};

/** A valid enterprise number (mod 97) on an 8-digit base. */
function demoBce(base: number): string {
  const head = String(base).padStart(8, '0');
  return `${head}${String(97 - (Number(head) % 97)).padStart(2, '0')}`;
}

const requirements = (r: Partial<Record<string, unknown>> = {}) =>
  JSON.stringify({
    text: '',
    diplomaLevel: null,
    languages: [],
    drivingLicence: false,
    car: false,
    experienceYears: null,
    ...r,
  });

/** The vacancies of an organisation, by employer index in EMPLOYERS. */
function vacanciesFor(city: string, today: string) {
  return [
    {
      employer: 1,
      title: 'Magasinier parlant allemand',
      source: 'forem',
      source_ref: 'FOREM-DEMO-001',
      commune: city,
      openings: 2,
      contract_type: 'cdd',
      contract_months: 6,
      hours_per_week: 38,
      schedule: ['day', 'shifts'],
      sector_code: '52.10',
      published: requirements({
        text: 'Magasinier bilingue français-allemand, 3 ans d’expérience, CESS, permis B.',
        diplomaLevel: 'cess',
        languages: [
          { code: 'fr', understand: 'fluent', speak: 'fluent' },
          { code: 'de', understand: 'fluent', speak: 'fluent' },
        ],
        drivingLicence: true,
        experienceYears: 3,
      }),
      // Objectivation with the employer (method.md §6): German is only needed to read the labels.
      objectified: requirements({
        text: 'Lire les étiquettes des colis en allemand ; le permis n’est pas utile (pas de livraison).',
        languages: [{ code: 'de', read: 'basic' }],
        taskDescription:
          'Réceptionner les palettes, lire les étiquettes en allemand, préparer les commandes au transpalette ' +
          'électrique (formation sur place), ranger le stock. Pas de contact avec la clientèle.',
      }),
      physical_demands: ['long_standing', 'repetitive_motion'],
      quality_note: 'CDD de 6 mois avec perspective de CDI, salaire barémique (CP 226).',
      opened_on: addDays(today, -21),
    },
    {
      employer: 2,
      title: 'Aide ménagère',
      source: 'employer_request',
      source_ref: null,
      commune: city,
      openings: 3,
      contract_type: 'cdi',
      contract_months: null,
      hours_per_week: 25,
      schedule: ['day'],
      sector_code: '81.21',
      published: requirements({ text: 'Aide ménagère en titres-services, secteur de la commune.' }),
      objectified: null,
      physical_demands: ['long_standing'],
      quality_note: 'Temps partiel choisi possible, horaires de jour compatibles avec l’école.',
      opened_on: addDays(today, -12),
    },
    {
      employer: 3,
      title: 'Aide-cuisinier',
      source: 'canvassing',
      source_ref: null,
      commune: city,
      openings: 1,
      contract_type: 'interim',
      contract_months: null,
      hours_per_week: 20,
      schedule: ['evening', 'weekend'],
      sector_code: '56.10',
      published: requirements({ text: 'Aide en cuisine le soir et le week-end.', experienceYears: 1 }),
      objectified: null,
      physical_demands: ['long_standing', 'heavy_loads'],
      quality_note: 'Intérim à la semaine : vérifier l’effet sur les allocations.',
      opened_on: addDays(today, -5),
    },
    {
      employer: 0,
      title: 'Vendeur en boulangerie',
      source: 'newspaper',
      source_ref: null,
      commune: city,
      openings: 1,
      contract_type: 'cdi',
      contract_months: null,
      hours_per_week: 30,
      schedule: ['day', 'weekend'],
      sector_code: '10.71',
      published: requirements({ text: 'Vendeur·se, contact clientèle, dès 6 h.' }),
      objectified: null,
      physical_demands: ['long_standing'],
      quality_note: null,
      opened_on: addDays(today, -40),
    },
  ];
}

/** The steps a demo presentation went through, oldest first, with their day offsets. */
const PATHS: { steps: PresentationStep[]; reason?: string; channel?: string }[] = [
  { steps: ['proposed'] },
  { steps: ['proposed', 'discussed'] },
  { steps: ['proposed', 'discussed', 'applied', 'introduced'], channel: 'accompanied_interview' },
  {
    steps: ['proposed', 'discussed', 'declined'],
    reason: 'Horaires du soir incompatibles avec la garde des enfants',
  },
  { steps: ['proposed', 'discussed', 'applied', 'introduced', 'interview'], channel: 'phone' },
];

async function insertPresentation(
  trx: Transaction<Database>,
  a: {
    organisationId: string;
    personId: string;
    vacancyId: string;
    authorId: string;
    steps: PresentationStep[];
    lastDate: string;
    reason?: string;
    channel?: string;
  },
) {
  const last = a.steps[a.steps.length - 1]!;
  const p = await trx
    .insertInto('presentation')
    .values({
      organisation_id: a.organisationId,
      person_id: a.personId,
      vacancy_id: a.vacancyId,
      step: last,
      version: a.steps.length,
      created_by: a.authorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [index, step] of a.steps.entries()) {
    const date = addDays(a.lastDate, -2 * (a.steps.length - 1 - index));
    await trx
      .insertInto('presentation_step')
      .values({
        organisation_id: a.organisationId,
        presentation_id: p.id,
        step,
        date,
        reason: step === 'declined' || step === 'refused' ? (a.reason ?? null) : null,
        channel: step === 'introduced' ? (a.channel ?? 'cv') : null,
        author_id: a.authorId,
        at: new Date(`${date}T10:${String(index).padStart(2, '0')}:00Z`),
      })
      .execute();
  }
}

/** Seeds the demo's employers, vacancies and presentations (after seedDemo's organisations and persons). */
export async function seedEmployers(db: Kysely<Database>, today: string) {
  await db.transaction().execute(async (trx) => {
    const organisations = await trx.selectFrom('organisation').select(['id', 'name', 'basin_id']).execute();
    for (const org of organisations) {
      const place = ORGANISATIONS[org.name];
      if (!place) continue;
      const coaches = await trx
        .selectFrom('membership as m')
        .innerJoin('app_user as u', 'u.id', 'm.user_id')
        .select('u.id')
        .where('m.organisation_id', '=', org.id)
        .where('m.role', '=', 'jobcoach')
        .orderBy('u.name')
        .execute();
      const coach = coaches[0]?.id;
      if (!coach) continue;
      if (place.cap !== null) {
        await trx
          .insertInto('organisation_settings')
          .values({
            organisation_id: org.id,
            cadence: JSON.stringify(DEFAULT_CADENCE_SETTINGS),
            trust_contract_template: DEFAULT_TRUST_CONTRACT_TEMPLATE,
            presentation_cap: place.cap,
          })
          .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ presentation_cap: place.cap! }))
          .execute();
      }

      const employerIds: string[] = [];
      for (const [index, e] of EMPLOYERS.entries()) {
        const name = e.sector === 'public' ? `${e.name} de ${place.city}` : e.name;
        const row = await trx
          .insertInto('employer')
          .values({
            basin_id: org.basin_id,
            name,
            bce: demoBce(place.base + index),
            nace_code: e.nace,
            size_class: e.size,
            sector: e.sector,
            address: `Rue de l’Industrie ${10 + index * 7}`,
            postcode: place.postcode,
            commune: place.city,
            reference_name: e.reference.name,
            reference_role: e.reference.role,
            reference_phone: `0${71 + index} 12 34 5${index}`,
            reference_email: `contact${index}@${place.city.toLowerCase().replace(/[^a-z]/g, '')}.demo`,
            status: e.status,
            created_by_organisation_id: org.id,
            created_by: coach,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        employerIds.push(row.id);
        if (e.status === 'prospect') continue;
        // Contacts: a canvassing visit, then calls (direct) and a letter (not direct).
        const contacts: {
          days: number;
          channel: ContactChannel;
          purpose: ContactPurpose;
          notes: string | null;
        }[] = [
          {
            days: -90 - index * 5,
            channel: 'visit',
            purpose: 'canvassing',
            notes: 'Première visite : présentation du jobcoaching.',
          },
          {
            days: -20 - index * 3,
            channel: 'phone',
            purpose: 'vacancy',
            notes: 'Point sur les besoins de recrutement.',
          },
          { days: -8 - index, channel: 'letter_email', purpose: 'follow_up', notes: null },
        ];
        for (const c of contacts.slice(0, e.status === 'dormant' ? 1 : 3)) {
          await trx
            .insertInto('contact')
            .values({
              organisation_id: org.id,
              employer_id: row.id,
              author_id: coach,
              date: addDays(today, e.status === 'dormant' ? c.days - 200 : c.days),
              channel: c.channel,
              purpose: c.purpose,
              notes: c.notes,
            })
            .execute();
        }
        await trx
          .insertInto('employer_note')
          .values({
            organisation_id: org.id,
            employer_id: row.id,
            notes:
              e.status === 'partner'
                ? 'Employeur de confiance : accueille bien les personnes accompagnées, préfère un premier contact par téléphone.'
                : 'À relancer après l’été.',
            updated_by: coach,
          })
          .execute();
      }

      const vacancyIds: string[] = [];
      for (const v of vacanciesFor(place.city, today)) {
        const { employer, schedule, physical_demands, ...columns } = v;
        const row = await trx
          .insertInto('vacancy')
          .values({
            ...columns,
            organisation_id: org.id,
            employer_id: employerIds[employer]!,
            schedule: JSON.stringify(schedule),
            physical_demands: JSON.stringify(physical_demands),
            created_by: coach,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        vacancyIds.push(row.id);
      }

      // Persons in pre-hire are proposed for the vacancies, within the organisation's cap.
      const preHire = await trx
        .selectFrom('person')
        .select(['id', 'coach_id'])
        .where('organisation_id', '=', org.id)
        .where('phase', '=', 'pre_hire')
        .where('deleted_at', 'is', null)
        .orderBy('last_name')
        .orderBy('id')
        .execute();
      const cap = place.cap ?? 3;
      const active = new Map<string, number>();
      for (const [index, person] of preHire.entries()) {
        const path = PATHS[index % PATHS.length]!;
        const vacancyId = vacancyIds[index % 3]!;
        const isActive = !['declined', 'refused', 'withdrawn', 'hired'].includes(
          path.steps[path.steps.length - 1]!,
        );
        if (isActive && (active.get(vacancyId) ?? 0) >= cap) continue;
        if (isActive) active.set(vacancyId, (active.get(vacancyId) ?? 0) + 1);
        await insertPresentation(trx, {
          organisationId: org.id,
          personId: person.id,
          vacancyId,
          authorId: person.coach_id ?? coach,
          steps: path.steps,
          lastDate: addDays(today, -1 - index),
          ...(path.reason ? { reason: path.reason } : {}),
          ...(path.channel ? { channel: path.channel } : {}),
        });
      }

      // Persons now in hiring were hired through a presentation for the bakery's vacancy.
      const hiring = await trx
        .selectFrom('person')
        .select(['id', 'coach_id', 'phase_since'])
        .where('organisation_id', '=', org.id)
        .where('phase', '=', 'hiring')
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .limit(1)
        .execute();
      for (const person of hiring) {
        const bakery = vacancyIds[3]!;
        await insertPresentation(trx, {
          organisationId: org.id,
          personId: person.id,
          vacancyId: bakery,
          authorId: person.coach_id ?? coach,
          steps: ['proposed', 'discussed', 'applied', 'introduced', 'interview', 'hired'],
          lastDate: person.phase_since,
          channel: 'accompanied_interview',
        });
        await trx
          .updateTable('vacancy')
          .set({
            status: 'filled',
            opened_on: minDate(addDays(today, -40), addDays(person.phase_since, -20)),
            closed_on: person.phase_since,
          })
          .where('id', '=', bakery)
          .execute();
      }
    }
  });
}

/**
 * An operator that shares its basin with a pilot organisation (seed.ts) works with the same
 * registry: it canvasses two of the basin's employers after the warning that another organisation
 * already works with them, writes to a third, and keeps its own notes and a vacancy of its own.
 * Their pages then show « Aussi en contact dans le bassin ».
 */
export async function seedBasinNeighbour(db: Kysely<Database>, today: string) {
  await db.transaction().execute(async (trx) => {
    const organisations = await trx.selectFrom('organisation').select(['id', 'name', 'basin_id']).execute();
    for (const org of organisations) {
      if (ORGANISATIONS[org.name]) continue;
      const coach = await trx
        .selectFrom('membership')
        .select('user_id')
        .where('organisation_id', '=', org.id)
        .where('role', '=', 'jobcoach')
        .executeTakeFirst();
      const registry = await trx
        .selectFrom('employer')
        .select(['id', 'name', 'commune'])
        .where('basin_id', '=', org.basin_id)
        .execute();
      const find = (name: string) => registry.find((e) => e.name === name);
      const warehouse = find('Entrepôts Logistiques du Bassin');
      const cleaning = find('Titres-services Clair & Net');
      const bakery = find('Boulangerie Dumont');
      if (!coach || !warehouse || !cleaning || !bakery) continue;
      const contacts: { employer: string; days: number; channel: ContactChannel; purpose: ContactPurpose }[] =
        [
          { employer: warehouse.id, days: -30, channel: 'visit', purpose: 'canvassing' },
          { employer: warehouse.id, days: -6, channel: 'phone', purpose: 'vacancy' },
          { employer: cleaning.id, days: -15, channel: 'phone', purpose: 'canvassing' },
          { employer: bakery.id, days: -10, channel: 'letter_email', purpose: 'canvassing' },
        ];
      for (const c of contacts) {
        await trx
          .insertInto('contact')
          .values({
            organisation_id: org.id,
            employer_id: c.employer,
            author_id: coach.user_id,
            date: addDays(today, c.days),
            channel: c.channel,
            purpose: c.purpose,
            notes: 'Prise de contact ; l’employeur connaît déjà le jobcoaching par une autre organisation.',
            overlap_confirmed: c.channel !== 'letter_email',
          })
          .execute();
      }
      await trx
        .insertInto('employer_note')
        .values({
          organisation_id: org.id,
          employer_id: warehouse.id,
          notes: 'Se coordonner avec l’autre organisation du bassin avant de proposer un candidat.',
          updated_by: coach.user_id,
        })
        .execute();
      const {
        employer: _index,
        schedule,
        physical_demands,
        ...columns
      } = vacanciesFor(warehouse.commune ?? '', today)[0]!;
      await trx
        .insertInto('vacancy')
        .values({
          ...columns,
          source_ref: 'FOREM-DEMO-101',
          organisation_id: org.id,
          employer_id: warehouse.id,
          schedule: JSON.stringify(schedule),
          physical_demands: JSON.stringify(physical_demands),
          created_by: coach.user_id,
        })
        .execute();
    }
  });
}

import type { Database, Kysely } from '@jobcoach/db';
import { addDays, type MembershipRole, type OrganisationKind } from '@jobcoach/domain';
import { hashPassword } from '../auth/passwords.ts';
import { Clock } from '../clock.ts';
import { seedDemoPersons } from '../persons/demo.ts';
import { OVER_CAPACITY_MIX, STANDARD_MIX } from '../persons/demo-data.ts';
import { seedContracts } from './contracts.ts';
import { seedBasinNeighbour, seedEmployers } from './employers.ts';

/** The one password of every demo account: demo data only, never a real installation. */
export const DEMO_PASSWORD = 'demo-jobcoach-2002';

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  basin: string;
  address: string;
  people: { name: string; email: string; role: MembershipRole; fte?: number }[];
  /** One of the six pilot projects of 2002, which the steering committee's evaluator reads. */
  pilot: boolean;
}

/**
 * The six pilot projects of 2002 (method.md §7), with fictitious staff, and a seventh operator in
 * one of their basins.
 */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'edit',
    name: 'EDIT Verviers',
    kind: 'oisp_cisp',
    basin: 'Verviers',
    address: 'Rue de la Concorde 12, 4800 Verviers',
    pilot: true,
    people: [
      { name: 'Martine Lejeune', email: 'coordination@edit.demo', role: 'coordinator' },
      { name: 'Karim Benali', email: 'karim.benali@edit.demo', role: 'jobcoach', fte: 1 },
    ],
  },
  {
    key: 'ceppst',
    name: 'CEPPST Arlon',
    kind: 'union_centre',
    basin: 'Luxembourg',
    address: 'Rue des Martyrs 30, 6700 Arlon',
    pilot: true,
    people: [
      { name: 'Jean-Pierre Thill', email: 'coordination@ceppst.demo', role: 'coordinator' },
      { name: 'Sophie Lambert', email: 'sophie.lambert@ceppst.demo', role: 'jobcoach', fte: 1 },
    ],
  },
  {
    key: 'fleurus',
    name: 'CPAS de Fleurus',
    kind: 'cpas',
    basin: 'Charleroi',
    address: 'Rue du Collège 29, 6220 Fleurus',
    pilot: true,
    people: [
      { name: 'Nathalie Dubois', email: 'coordination@cpas-fleurus.demo', role: 'coordinator' },
      { name: 'Fatima El Idrissi', email: 'fatima.elidrissi@cpas-fleurus.demo', role: 'jobcoach', fte: 1 },
    ],
  },
  {
    key: 'forma',
    name: 'FORMA Namur',
    kind: 'eft',
    basin: 'Namur',
    address: 'Rue de Dave 175, 5100 Jambes',
    pilot: true,
    people: [
      { name: 'Claire Henrard', email: 'coordination@forma.demo', role: 'coordinator' },
      { name: 'Isabelle Moreau', email: 'isabelle.moreau@forma.demo', role: 'jobcoach', fte: 0.5 },
    ],
  },
  {
    key: 'mrc',
    name: 'Mission régionale du Centre (MRC) La Louvière',
    kind: 'mission_regionale',
    basin: 'Centre',
    address: 'Rue de Bouvy 100, 7100 La Louvière',
    pilot: true,
    people: [
      { name: 'Philippe Demoulin', email: 'coordination@mrc.demo', role: 'coordinator' },
      { name: 'Luca Rinaldi', email: 'luca.rinaldi@mrc.demo', role: 'jobcoach', fte: 1 },
      { name: 'Aurélie Wauters', email: 'aurelie.wauters@mrc.demo', role: 'jobcoach', fte: 0.8 },
    ],
  },
  {
    key: 'res',
    name: "RES Herstal (réseau d'entreprises sociales)",
    kind: 'es_network',
    basin: 'Liège',
    address: 'Rue Large Voie 80, 4040 Herstal',
    pilot: true,
    people: [
      { name: 'Marc Jacquemin', email: 'coordination@res.demo', role: 'coordinator' },
      { name: 'Aïcha Mansouri', email: 'aicha.mansouri@res.demo', role: 'jobcoach', fte: 1 },
    ],
  },
  {
    // Not a pilot project: a second operator in EDIT Verviers' basin, so that the demo shows the
    // employers shared within a basin and the warning before canvassing one of them.
    key: 'mire',
    name: "Mission régionale pour l'emploi de Verviers",
    kind: 'mission_regionale',
    basin: 'Verviers',
    address: 'Rue du Collège 62, 4800 Verviers',
    pilot: false,
    people: [
      { name: 'Valérie Schmitz', email: 'coordination@mire-verviers.demo', role: 'coordinator' },
      { name: 'Thomas Kessler', email: 'thomas.kessler@mire-verviers.demo', role: 'jobcoach', fte: 1 },
    ],
  },
];

export const DEMO_ADMIN = { name: 'Administration Jobcoach', email: 'admin@jobcoach.demo' };
export const DEMO_EVALUATOR = { name: 'Comité de pilotage (évaluation)', email: 'evaluation@jobcoach.demo' };

/** Where each pilot project works (demo persons' commune and postcode). */
const DEMO_PLACES: Record<string, { city: string; postcode: string }> = {
  edit: { city: 'Verviers', postcode: '4800' },
  ceppst: { city: 'Arlon', postcode: '6700' },
  fleurus: { city: 'Fleurus', postcode: '6220' },
  forma: { city: 'Namur', postcode: '5100' },
  mrc: { city: 'La Louvière', postcode: '7100' },
  res: { city: 'Herstal', postcode: '4040' },
  mire: { city: 'Verviers', postcode: '4800' },
};

/**
 * Seeds the demo installation. Persons' dates are offsets from `today` (the day the demo starts),
 * so that overdue contacts and near deadlines show whenever the demo is run.
 */
export async function seedDemo(db: Kysely<Database>, today: string = new Clock().today()) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const basins = await trx.selectFrom('basin').select(['id', 'name']).execute();
    const basinId = (name: string) => {
      const b = basins.find((x) => x.name === name);
      if (!b) throw new Error(`unknown basin ${name}`);
      return b.id;
    };
    const admin = await trx
      .insertInto('app_user')
      .values({ ...DEMO_ADMIN, password_hash: passwordHash, is_admin: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evaluator = await trx
      .insertInto('app_user')
      .values({ ...DEMO_EVALUATOR, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const o of DEMO_ORGANISATIONS) {
      const org = await trx
        .insertInto('organisation')
        .values({ name: o.name, kind: o.kind, basin_id: basinId(o.basin), address: o.address })
        .returning('id')
        .executeTakeFirstOrThrow();
      const coachIds: string[] = [];
      for (const p of o.people) {
        const user = await trx
          .insertInto('app_user')
          .values({ name: p.name, email: p.email, password_hash: passwordHash })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('membership')
          .values({ user_id: user.id, organisation_id: org.id, role: p.role, fte: p.fte ?? 1 })
          .execute();
        if (p.role === 'jobcoach') coachIds.push(user.id);
      }
      const place = DEMO_PLACES[o.key]!;
      await seedDemoPersons(
        trx,
        {
          organisationId: org.id,
          key: o.key,
          ...place,
          coachIds,
          // FORMA's coach works half-time with more persons than that allows: the caseload warning.
          mix: o.key === 'forma' ? OVER_CAPACITY_MIX : STANDARD_MIX,
          womenOnly: o.key === 'forma', // FORMA Namur coached women only (method.md §7)
        },
        today,
      );
      if (coachIds.length >= 2) {
        // One coach is away this week; a colleague covers their persons (see "Ma journée").
        await trx
          .insertInto('absence')
          .values({
            organisation_id: org.id,
            coach_id: coachIds[0]!,
            from_on: addDays(today, -2),
            to_on: addDays(today, 5),
            cover_coach_id: coachIds[1]!,
          })
          .execute();
      }
      if (o.pilot) {
        await trx
          .insertInto('membership')
          .values({ user_id: evaluator.id, organisation_id: org.id, role: 'evaluator', fte: 1 })
          .execute();
      }
      await trx
        .insertInto('membership')
        .values({ user_id: admin.id, organisation_id: org.id, role: 'coordinator', fte: 1 })
        .execute();
    }
    await trx.insertInto('audit_log').values({ action: 'demo_seeded', entity: 'installation' }).execute();
  });
  await seedEmployers(db, today);
  await seedBasinNeighbour(db, today);
  await seedContracts(db, today);
}

export function demoLogins(): string[] {
  const lines = [`  ${DEMO_ADMIN.email.padEnd(38)} administrateur·rice de l'installation`];
  for (const o of DEMO_ORGANISATIONS) {
    for (const p of o.people) lines.push(`  ${p.email.padEnd(38)} ${p.role} — ${o.name}`);
  }
  lines.push(`  ${DEMO_EVALUATOR.email.padEnd(38)} evaluator — les six projets pilotes`);
  return lines;
}

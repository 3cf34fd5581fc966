import { randomUUID } from 'node:crypto';
import { intakeState } from '@jobcoach/domain';
import type { PersonRow } from '../rows.ts';
import { ERASED_PERSON_WHY, findInChunks, type Planner } from './planner.ts';
import type { Plan, PlannedPerson } from './types.ts';

/** What the person rows are checked against: the organisation's coaches, partners and NISS numbers. */
async function loadPersonReferences(p: Planner) {
  const orgId = p.ctx.organisationId;
  const members = await p.db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email'])
    .where('m.organisation_id', '=', orgId)
    .where('m.active', '=', true)
    .where('m.role', 'in', ['coordinator', 'jobcoach'])
    .execute();
  const partners = await p.db
    .selectFrom('partner')
    .select(['id', 'name'])
    .where('organisation_id', '=', orgId)
    .execute();
  const nisses = p.rows.persons.flatMap((r) => (typeof r.values.niss === 'string' ? [r.values.niss] : []));
  const withNiss = await findInChunks(nisses, (list) =>
    p.db
      .selectFrom('person')
      .select(['id', 'niss'])
      .where('organisation_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .where('niss', 'in', list)
      .execute(),
  );
  return {
    coachByEmail: new Map(members.map((m) => [m.email.toLowerCase(), m.id])),
    partnerByName: new Map(partners.map((x) => [x.name.toLowerCase(), x.id])),
    personByNiss: new Map(withNiss.map((f) => [f.niss!, f.id])),
  };
}

/**
 * Persons: a NISS number once in the file and not another person's of the organisation, the coach
 * an active coordinator or jobcoach, the prescribing partner found by name or added (returned in
 * `partners`). Every person starts in intake on the referral date; the events replay from there.
 * Persons erased since an earlier import are left out.
 */
export async function planPersons(
  p: Planner,
): Promise<{ persons: PlannedPerson[]; partners: Plan['partners'] }> {
  const { coachByEmail, partnerByName, personByNiss } = await loadPersonReferences(p);
  const persons: PlannedPerson[] = [];
  const partners: Plan['partners'] = [];
  const nissLine = new Map<string, number>();

  /** The row's errors (NISS, coach); false when it has some. */
  const check = (row: PersonRow, id: string, isNew: boolean): string | null | false => {
    const niss = row.values.niss as string | null;
    let bad = false;
    if (niss && nissLine.has(niss)) {
      p.fail(row, 'niss', `ce NISS figure déjà à la ligne ${nissLine.get(niss)}.`);
      bad = true;
    } else if (niss && personByNiss.has(niss) && personByNiss.get(niss) !== (isNew ? null : id)) {
      p.fail(row, 'niss', 'une autre personne de votre organisation a déjà ce NISS.');
      bad = true;
    }
    if (niss) nissLine.set(niss, row.line);
    let coachId: string | null = null;
    if (row.coachEmail) {
      coachId = coachByEmail.get(row.coachEmail) ?? null;
      if (!coachId) {
        p.fail(
          row,
          'coach_email',
          `aucun jobcoach ni coordinateur actif de votre organisation n’a l’adresse « ${row.coachEmail} ».`,
        );
        bad = true;
      }
    }
    return bad ? false : coachId;
  };

  /** The prescribing partner's id: found by name, else added to the directory. */
  const partnerOf = (row: PersonRow): string | null => {
    if (!row.referralPartner) return null;
    const name = row.referralPartner.toLowerCase();
    let partnerId = partnerByName.get(name);
    if (!partnerId) {
      partnerId = randomUUID();
      partnerByName.set(name, partnerId);
      partners.push({ id: partnerId, name: row.referralPartner });
    }
    return partnerId;
  };

  for (const row of p.rows.persons) {
    if (p.isErasedPerson(row.externalId)) {
      p.counts.person.skipped++;
      p.failed.persons.add(row.externalId);
      p.skip(row, ERASED_PERSON_WHY);
      continue;
    }
    const { id, action } = p.action('person', row);
    const coachId = check(row, id, action === 'create');
    if (coachId === false) {
      p.failed.persons.add(row.externalId);
      continue;
    }
    persons.push({
      row,
      id,
      action,
      coachId,
      partnerId: partnerOf(row),
      state: intakeState(row.referralDate),
      appended: false,
      version: null,
    });
    p.planned.persons.set(row.externalId, id);
  }
  return { persons, partners };
}

import type { MyDay } from '@jobcoach/contract';
import { compareDates, isBelgianWorkingDay, myDayWeekEnd } from '@jobcoach/domain';
import { Context } from '../application/context.ts';
import type { AppDatabase } from '../application/database.ts';
import type { Clock } from '../clock.ts';
import { getMyDay } from '../myday/use-cases/get-my-day.ts';
import { enqueueMail } from './outbox.ts';
import { type DigestSection, mailLanguage, morningDigestMail } from './templates.ts';

/**
 * The coach's morning digest (docs/operations.md, "E-mail"): each Belgian working morning, for
 * every account that opted in on its account page, one message with, per organisation it works
 * in, the persons whose contact is overdue, the fixed-term contracts ending and the deadlines of
 * this week. What is overdue or due is « Ma journée »'s own answer (myday/use-cases/get-my-day.ts,
 * the domain's rules): the digest only picks its lists. Names and links only: no note, no phone,
 * no phase. Once per account and morning, whichever instance runs it (morning_digest_sent, in the
 * transaction that writes the message).
 */

export interface DigestRun {
  /** False on a weekend or a Belgian public holiday: nothing is written. */
  workingDay: boolean;
  written: number;
}

/** The digest's part of one organisation's « Ma journée ». */
export function digestSection(organisationName: string, day: MyDay, publicUrl: string): DigestSection {
  const link = (personId: string) => `${publicUrl}/people/${personId}`;
  const weekEnd = myDayWeekEnd(day.today);
  return {
    organisationName,
    overdue: day.overdue.map((p) => ({ name: `${p.firstName} ${p.lastName}`, href: link(p.id) })),
    contractsEnding: day.contractsEndingSoon.map((c) => ({
      name: `${c.firstName} ${c.lastName}`,
      href: link(c.personId),
      on: c.plannedEnd,
    })),
    deadlines: day.deadlines
      .filter((p) => p.deadline !== null && compareDates(p.deadline, weekEnd) <= 0)
      .map((p) => ({ name: `${p.firstName} ${p.lastName}`, href: link(p.id), on: p.deadline! })),
  };
}

export async function writeMorningDigests(
  database: AppDatabase,
  clock: Pick<Clock, 'now' | 'today'>,
  publicUrl: string,
): Promise<DigestRun> {
  const today = clock.today();
  if (!isBelgianWorkingDay(today)) return { workingDay: false, written: 0 };
  const deps = { database, clock: clock as Clock };
  // The accounts that asked for it, and the organisations where they see « Ma journée ».
  const rows = await database
    .acrossOrganisations('jobs')
    .selectFrom('app_user as u')
    .innerJoin('membership as m', 'm.user_id', 'u.id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.email', 'u.language', 'm.organisation_id', 'm.role', 'o.name'])
    .where('u.morning_digest', '=', true)
    .where('u.active', '=', true)
    .where('m.active', '=', true)
    .where('m.role', 'in', ['coordinator', 'jobcoach'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('morning_digest_sent as s')
            .select('s.user_id')
            .whereRef('s.user_id', '=', 'u.id')
            .where('s.sent_on', '=', today),
        ),
      ),
    )
    .orderBy('u.id')
    .orderBy('o.name')
    .execute();
  const byUser = new Map<string, typeof rows>();
  for (const row of rows) byUser.set(row.id, [...(byUser.get(row.id) ?? []), row]);

  let written = 0;
  for (const [userId, memberships] of byUser) {
    const sections: DigestSection[] = [];
    for (const m of memberships) {
      const ctx = Context.create(deps, m.organisation_id, {
        userId,
        role: m.role as 'coordinator' | 'jobcoach',
        clientAddress: null,
      });
      sections.push(digestSection(m.name, await getMyDay.run(ctx, {}), publicUrl));
    }
    const first = memberships[0]!;
    const message = morningDigestMail(
      first.email,
      { today, myDayUrl: `${publicUrl}/`, sections },
      mailLanguage(first.language),
    );
    const ctx = Context.create(deps, first.organisation_id, {
      userId: null,
      role: null,
      clientAddress: null,
    });
    const sent = await ctx.transaction(async (tx) => {
      const mark = await tx
        .across('jobs')
        .insertInto('morning_digest_sent')
        .values({ user_id: userId, sent_on: today })
        .onConflict((oc) => oc.doNothing())
        .returning('user_id')
        .executeTakeFirst();
      // Marked even when there is nothing to say: the morning is done for this account.
      if (!mark || !message) return false;
      await enqueueMail(tx, 'morning_digest', message);
      return true;
    });
    if (sent) written++;
  }
  return { workingDay: true, written };
}

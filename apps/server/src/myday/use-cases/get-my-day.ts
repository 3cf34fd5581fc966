import {
  type AgendaItem,
  type ContractEnding,
  type MyDay,
  type MyDayPerson,
  myDayQuerySchema,
} from '@jobcoach/contract';
import {
  ACTIVE_PHASES,
  type Agenda,
  agendaOf,
  CONTRACT_TYPE_LABELS,
  caseloadStatus,
  cddEndAlert,
  compareDates,
  FOLLOW_UP_MODE_LABELS,
  myDayLists,
  myDayWeekEnd,
  nextContactOn,
  type Phase,
  referralWaitingDays,
  reviewPassed,
  sortInPlace,
} from '@jobcoach/domain';
import { AppError, notFound } from '../../application/errors.ts';
import { defineQuery } from '../../application/use-case.ts';
import { type DayContract, myDayRead } from '../queries.ts';
import { personStanding } from '../standing.ts';

/**
 * « Ma journée » of a coach (the caller's own, or a colleague's for a coordinator): each person's
 * standing read through the domain's rules (person-status.ts), sorted into the lists of myday.ts.
 */
export const getMyDay = defineQuery('myday.get', myDayQuerySchema, async (ctx, query): Promise<MyDay> => {
  ctx.require('myday.read');
  const coachId = query.coachId ?? ctx.userId;
  if (coachId !== ctx.userId && !ctx.can('myday.others')) {
    throw new AppError(
      403,
      'forbidden',
      'Seul·e un·e coordinateur·rice peut voir la journée d’un·e collègue.',
    );
  }
  const { today } = ctx;
  // One statement (myday/queries.ts, docs/performance.md).
  const context = await myDayRead(ctx.db, ctx.organisationId, coachId, today, myDayWeekEnd(today));
  if (!context) throw notFound('Membre');
  return myDayOf(context, coachId, today);
});

/** The coach's day from what was read: each person judged by the domain's rules, then listed. */
export function myDayOf(context: Context, coachId: string, today: string): MyDay {
  const { coach, settings, cddAlertDays, covering, plans, persons: lines } = context;

  const persons = lines.map((line) => {
    const { contracts } = line;
    const { state, employment, cadence, limit } = personStanding(line, contracts, settings.cadence, today);
    // What the lists read and show of the person, as one literal (shownPerson copies what a list
    // shows, field by field: a spread is several times slower, and a day judges every person).
    return {
      contracts,
      window: employment.window,
      id: line.id,
      firstName: line.first_name,
      lastName: line.last_name,
      phase: state.phase,
      covered: line.coach_id !== null && line.coach_id !== coachId,
      coachName: line.coach_name,
      phone: line.phone,
      dueDate: cadence.dueDate,
      daysOverdue: cadence.daysOverdue,
      deadline: limit?.deadline ?? null,
      deadlineKind: limit?.kind ?? null,
      daysLeft: limit?.daysLeft ?? null,
      plannedOn: nextContactOn(line.next_planned_on, cadence.dueDate, today),
      overdue: cadence.overdue,
      decision: line.decision as 'accepted' | 'postponed' | 'redirected' | null,
      reviewDate: line.review_date,
      referralReceivedOn: line.referral_received_on,
    };
  });
  const lists = myDayLists(persons, today);
  const items = (list: typeof persons) => list.map(shownPerson);

  // The caseload: the coach's own persons in an active phase (all of them are among the lines).
  const active = lines.filter(
    (l) => l.coach_id === coachId && ACTIVE_PHASES.includes(l.phase as Phase),
  ).length;
  const { capacity, over, ratio } = caseloadStatus(active, Number(coach.fte), settings.personsPerFte);
  return {
    today,
    coach: { id: coach.id, name: coach.name, fte: Number(coach.fte) },
    caseload: { activeCount: active, capacity, over, ratio, personsPerFte: settings.personsPerFte },
    overdue: items(lists.overdue),
    deadlines: items(lists.deadlines),
    plannedThisWeek: items(lists.plannedThisWeek),
    referralsWaiting: lists.referralsWaiting.map((p) =>
      Object.assign(shownPerson(p), {
        referralReceivedOn: p.referralReceivedOn,
        waitingDays: referralWaitingDays(p.referralReceivedOn, today),
        reviewDate: p.reviewDate,
        reviewPassed: p.decision === 'postponed' && reviewPassed(p.reviewDate, today),
      }),
    ),
    waitingList: items(lists.waitingList),
    contractsEndingSoon: contractsEndingSoon(persons, today, cddAlertDays),
    followUpsDue: lists.followUpsDue.map((p) => {
      const ids = p.window?.contractIds ?? [];
      // The arrangement of the employment followed (its latest contract that has one).
      const followed =
        p.contracts.find((c) => c.arranged && ids.includes(c.id)) ??
        p.contracts.find((c) => ids.includes(c.id));
      const mode = followed?.arranged ? followed.mode : null;
      return Object.assign(shownPerson(p), {
        followUpEnd: p.window?.end ?? null,
        mode,
        modeLabel: mode ? FOLLOW_UP_MODE_LABELS[mode] : null,
        discreet: followed?.discreet === true,
        employerName: followed?.employerName ?? null,
      });
    }),
    agenda: agendaView(agendaOf(agendaItems(plans, lines, coachId, today), today)),
    covering: covering.map((c) => ({
      coachId: c.coach_id,
      coachName: c.coach_name,
      from: c.from_on,
      to: c.to_on,
    })),
  };
}

/** An agenda item with what the agenda sorts it by (the item is shown as it is, not copied). */
type Listed = { item: AgendaItem; date: string; time: string | null; sortName: string };
const shown = (listed: Listed): AgendaItem => listed.item;
function agendaView(agenda: Agenda<Listed>) {
  return {
    today: agenda.today.map(shown),
    week: agenda.week.map((d) => ({ date: d.date, items: d.items.map(shown) })),
  };
}

type Context = NonNullable<Awaited<ReturnType<typeof myDayRead>>>;

/** A person as the day's lists show it, written out field by field (not spread, see above). */
function shownPerson(p: MyDayPerson): MyDayPerson {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    phase: p.phase,
    covered: p.covered,
    coachName: p.coachName,
    phone: p.phone,
    dueDate: p.dueDate,
    daysOverdue: p.daysOverdue,
    deadline: p.deadline,
    deadlineKind: p.deadlineKind,
    daysLeft: p.daysLeft,
    plannedOn: p.plannedOn,
  };
}

/** The CDDs of the persons in an active phase whose planned end is near or past (cddEndAlert). */
function contractsEndingSoon(
  persons: readonly (Pick<
    MyDayPerson,
    'id' | 'firstName' | 'lastName' | 'phase' | 'covered' | 'coachName'
  > & {
    contracts: readonly DayContract[];
  })[],
  today: string,
  cddAlertDays: number,
): ContractEnding[] {
  const ending: ContractEnding[] = [];
  for (const p of persons) {
    if (p.phase === 'exited') continue;
    for (const contract of p.contracts) {
      const alert = cddEndAlert(contract, today, cddAlertDays);
      if (!alert) continue;
      ending.push({
        contractId: contract.id,
        personId: p.id,
        firstName: p.firstName,
        lastName: p.lastName,
        phase: p.phase,
        covered: p.covered,
        coachName: p.coachName,
        type: contract.type,
        typeLabel: CONTRACT_TYPE_LABELS[contract.type],
        employerName: contract.employerName,
        jobTitle: contract.jobTitle,
        plannedEnd: alert.plannedEnd,
        alertFrom: alert.alertFrom,
        daysLeft: alert.daysLeft,
        overdue: alert.overdue,
      });
    }
  }
  return sortInPlace(
    ending,
    (a, b) => compareDates(a.plannedEnd, b.plannedEnd) || a.lastName.localeCompare(b.lastName),
  );
}

/**
 * The agenda's items: the coach's plans of the week (with a time or all day), and the days planned
 * at a logged contact for the coach's own persons (all day, as they have no time), unless a plan
 * of the same person is on that day.
 */
function agendaItems(
  plans: Context['plans'],
  lines: Context['persons'],
  coachId: string,
  today: string,
): Listed[] {
  const weekEnd = myDayWeekEnd(today);
  const planned = new Set(plans.map((p) => `${p.person_id}/${p.starts_on}`));
  const fromPlans = plans.map((p) =>
    listed({
      key: p.id,
      planId: p.id,
      personId: p.person_id,
      firstName: p.first_name,
      lastName: p.last_name,
      phase: p.phase,
      phone: p.phone,
      date: p.starts_on,
      time: p.starts_at,
      durationMinutes: p.duration_minutes,
      place: p.place,
      channel: p.channel,
      employerId: p.employer_id,
      employerName: p.employer_name,
    }),
  );
  const fromContacts = lines
    .filter(
      (l) =>
        l.coach_id === coachId &&
        l.next_planned_on !== null &&
        l.next_planned_on >= today &&
        l.next_planned_on <= weekEnd &&
        !planned.has(`${l.id}/${l.next_planned_on}`),
    )
    .map((l) =>
      listed({
        key: `${l.id}/${l.next_planned_on}`,
        planId: null,
        personId: l.id,
        firstName: l.first_name,
        lastName: l.last_name,
        phase: l.phase as Phase,
        phone: l.phone,
        date: l.next_planned_on!,
        time: null,
        durationMinutes: null,
        place: null,
        channel: null,
        employerId: null,
        employerName: null,
      }),
    );
  return [...fromPlans, ...fromContacts];
}

function listed(item: AgendaItem): Listed {
  return { item, date: item.date, time: item.time, sortName: `${item.lastName} ${item.firstName}` };
}

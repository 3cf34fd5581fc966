import { type ContractEnding, type MyDayPerson, myDayQuerySchema, myDaySchema } from '@jobcoach/contract';
import {
  ACTIVE_PHASES,
  addDays,
  CONTRACT_TYPE_LABELS,
  cadenceWithFrequency,
  caseloadStatus,
  compareDates,
  FOLLOW_UP_MODE_LABELS,
  type Phase,
} from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentFrequency, toContractView } from '../contracts/queries.ts';
import { AppError, notFound } from '../http/errors.ts';
import { personEmployment } from '../persons/employment.ts';
import { can, currentScope } from '../persons/scope.ts';
import { bindingDeadline, cadenceOf, clockOf } from '../persons/status.ts';
import { myDayContext, myDayContracts } from './queries.ts';

/** Deadlines shown when they fall within this many days. */
export const DEADLINE_HORIZON_DAYS = 60;

const within = (day: string, from: string, to: string) =>
  compareDates(day, from) >= 0 && compareDates(day, to) <= 0;

/** "Ma journée": what a coach should look at today, computed with the domain's rules. */
export const myDayRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/my-day',
    {
      config: { access: 'session' },
      schema: { tags: ['my-day'], querystring: myDayQuerySchema, response: { 200: myDaySchema } },
    },
    async (request) => {
      const scope = await currentScope(request, 'myday.read');
      const orgId = scope.organisationId;
      const coachId = request.query.coachId ?? scope.userId;
      if (coachId !== scope.userId && !can(scope, 'myday.others')) {
        throw new AppError(
          403,
          'forbidden',
          'Seul·e un·e coordinateur·rice peut voir la journée d’un·e collègue.',
        );
      }
      const today = clock.today();
      // Two statements side by side, neither waiting for the other (myday/queries.ts): the answer
      // waits for the slowest, not for their sum (docs/performance.md).
      const [context, contracts] = await Promise.all([
        myDayContext(db, orgId, coachId, today),
        myDayContracts(db, orgId, coachId, today),
      ]);
      if (!context) throw notFound('Membre');
      const { coach, settings, cddAlertDays, covering, persons: lines } = context;
      const weekEnd = addDays(today, 7);

      const persons = lines.map((line) => {
        const state = {
          phase: line.phase as Phase,
          phaseSince: line.phase_since,
          preHireEntry: line.pre_hire_entry,
          lastDirectContact: line.last_direct_contact,
        };
        const periods = line.employment_periods;
        const own = contracts.get(line.id) ?? [];
        // The clocks read the contracts and the hand-entered periods; the arrangement sets the cadence.
        const employment = personEmployment(own, periods, today);
        const cadence = cadenceOf(
          state,
          today,
          cadenceWithFrequency(settings.cadence, currentFrequency(own)),
        );
        const limit = bindingDeadline(
          state,
          clockOf(state, employment.clockPeriods, today),
          employment.window,
          today,
        );
        const item: MyDayPerson = {
          id: line.id,
          firstName: line.first_name,
          lastName: line.last_name,
          phase: state.phase,
          covered: line.coach_id !== null && line.coach_id !== coachId,
          coachName: line.coach_name,
          dueDate: cadence.dueDate,
          daysOverdue: cadence.daysOverdue,
          deadline: limit?.deadline ?? null,
          daysLeft: limit?.daysLeft ?? null,
          // The next contact: the date the coach planned, else the date the cadence expects.
          plannedOn:
            line.next_planned_on && compareDates(line.next_planned_on, today) >= 0
              ? line.next_planned_on
              : cadence.dueDate,
        };
        return { line, item, overdue: cadence.overdue, own, window: employment.window };
      });
      type Entry = (typeof persons)[number];
      const pick = (filter: (p: Entry) => boolean, order: (a: Entry, b: Entry) => number) =>
        persons
          .filter(filter)
          .sort(order)
          .map((p) => p.item);
      const intake = (p: Entry) => p.item.phase === 'intake';

      // The caseload: the coach's own persons in an active phase (all of them are among the lines).
      const active = lines.filter(
        (l) => l.coach_id === coachId && ACTIVE_PHASES.includes(l.phase as Phase),
      ).length;
      const { capacity, over, ratio } = caseloadStatus(active, Number(coach.fte), settings.personsPerFte);
      return {
        today,
        coach: { id: coach.id, name: coach.name, fte: Number(coach.fte) },
        caseload: {
          activeCount: active,
          capacity,
          over,
          ratio,
          personsPerFte: settings.personsPerFte,
        },
        overdue: pick(
          (p) => p.overdue,
          (a, b) => b.item.daysOverdue - a.item.daysOverdue,
        ),
        deadlines: pick(
          (p) => p.item.daysLeft !== null && p.item.daysLeft <= DEADLINE_HORIZON_DAYS,
          (a, b) => compareDates(a.item.deadline!, b.item.deadline!),
        ),
        // Today and the seven days after (a rolling week, so that Sunday still shows the next days):
        // contacts planned by hand, and contacts the cadence expects, for persons not overdue.
        plannedThisWeek: pick(
          (p) =>
            p.item.phase !== 'exited' &&
            !p.overdue &&
            !!p.item.plannedOn &&
            within(p.item.plannedOn, today, weekEnd),
          (a, b) => compareDates(a.item.plannedOn!, b.item.plannedOn!),
        ),
        referralsWaiting: pick(
          (p) =>
            intake(p) &&
            (p.line.decision === null ||
              (p.line.decision === 'postponed' &&
                p.line.review_date !== null &&
                compareDates(p.line.review_date, today) <= 0)),
          (a, b) => compareDates(a.line.referral_received_on, b.line.referral_received_on),
        ),
        waitingList: pick(
          (p) => intake(p) && p.line.decision === 'accepted',
          (a, b) => compareDates(a.line.referral_received_on, b.line.referral_received_on),
        ),
        contractsEndingSoon: persons
          .filter((p) => p.item.phase !== 'exited')
          .flatMap((p) =>
            p.own.flatMap((line): ContractEnding[] => {
              const view = toContractView(line, today, cddAlertDays, p.item.phase);
              if (!view.alert) return [];
              return [
                {
                  contractId: view.id,
                  personId: p.item.id,
                  firstName: p.item.firstName,
                  lastName: p.item.lastName,
                  phase: p.item.phase,
                  covered: p.item.covered,
                  coachName: p.item.coachName,
                  type: view.type,
                  typeLabel: CONTRACT_TYPE_LABELS[view.type],
                  employerName: view.employerName,
                  jobTitle: view.jobTitle,
                  ...view.alert,
                },
              ];
            }),
          )
          .sort((a, b) => compareDates(a.plannedEnd, b.plannedEnd) || a.lastName.localeCompare(b.lastName)),
        followUpsDue: persons
          .filter(
            (p) =>
              p.item.phase === 'follow_up' &&
              p.item.dueDate !== null &&
              compareDates(p.item.dueDate, weekEnd) <= 0,
          )
          .sort((a, b) => compareDates(a.item.dueDate!, b.item.dueDate!))
          .map((p) => {
            const ids = new Set(p.window?.contractIds ?? []);
            // The arrangement of the employment followed (its latest contract that has one).
            const line =
              p.own.find((l) => ids.has(l.id) && l.arrangement_id) ?? p.own.find((l) => ids.has(l.id));
            const mode = (line?.arrangement_id ? line.mode : null) as
              | keyof typeof FOLLOW_UP_MODE_LABELS
              | null;
            return {
              ...p.item,
              followUpEnd: p.window?.end ?? null,
              mode,
              modeLabel: mode ? FOLLOW_UP_MODE_LABELS[mode] : null,
              discreet: line?.discreet === true,
              employerName: line?.employer_name ?? null,
            };
          }),
        covering: covering.map((c) => ({
          coachId: c.coach_id,
          coachName: c.coach_name,
          from: c.from_on,
          to: c.to_on,
        })),
      };
    },
  );
};

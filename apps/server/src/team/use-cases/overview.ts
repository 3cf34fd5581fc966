import type { TeamCoach, TeamOverview } from '@jobcoach/contract';
import {
  ACTIVE_PHASES,
  caseloadStatus,
  compareDates,
  myDayLists,
  nextContactOn,
  type Phase,
} from '@jobcoach/domain';
import { z } from 'zod';
import { defineQuery } from '../../application/use-case.ts';
import { teamPersons } from '../../myday/queries.ts';
import { personStanding } from '../../myday/standing.ts';
import { loadSettings } from '../../settings/queries.ts';
import { teamAbsences, teamCoaches } from '../queries.ts';

/**
 * The team at a glance, for a coordinator: per coach, the active persons against the places, and the
 * counts of the coach's « Ma journée » for the coach's own persons — overdue contacts and limits
 * within 60 days, each person judged by the same function (myday/standing.ts) and sorted by the same
 * rules (domain myday.ts) — with the coach's absence and cover. Three statements side by side for the
 * whole team, whatever the number of coaches.
 */
export const getTeamOverview = defineQuery(
  'team.overview',
  z.object({}),
  async (ctx): Promise<TeamOverview> => {
    ctx.require('myday.others');
    const { today } = ctx;
    const [coaches, persons, absences, settings] = await Promise.all([
      teamCoaches(ctx.db, ctx.organisationId),
      teamPersons(ctx.db, ctx.organisationId),
      teamAbsences(ctx.db, ctx.organisationId, today),
      loadSettings(ctx.db, ctx.organisationId),
    ]);

    const entries = persons.map((line) => {
      const { state, cadence, limit } = personStanding(line, line.contracts, settings.cadence, today);
      return {
        coachId: line.coach_id!,
        phase: state.phase,
        overdue: cadence.overdue,
        daysOverdue: cadence.daysOverdue,
        dueDate: cadence.dueDate,
        deadline: limit?.deadline ?? null,
        daysLeft: limit?.daysLeft ?? null,
        plannedOn: nextContactOn(line.next_planned_on, cadence.dueDate, today),
        decision: line.decision as 'accepted' | 'postponed' | 'redirected' | null,
        reviewDate: line.review_date,
        referralReceivedOn: line.referral_received_on,
      };
    });
    const byCoach = new Map<string, typeof entries>();
    for (const e of entries) {
      const list = byCoach.get(e.coachId);
      if (list) list.push(e);
      else byCoach.set(e.coachId, [e]);
    }
    const begun = (a: { from_on: string }) => compareDates(a.from_on, today) <= 0;

    return {
      today,
      personsPerFte: settings.personsPerFte,
      coaches: coaches.map((coach): TeamCoach => {
        const own = byCoach.get(coach.id) ?? [];
        const lists = myDayLists(own, today);
        const active = own.filter((e) => ACTIVE_PHASES.includes(e.phase as Phase)).length;
        const fte = Number(coach.fte);
        const { capacity, over, ratio } = caseloadStatus(active, fte, settings.personsPerFte);
        const away = absences.find((a) => a.coach_id === coach.id);
        return {
          id: coach.id,
          name: coach.name,
          role: coach.role as TeamCoach['role'],
          fte,
          caseload: { activeCount: active, capacity, over, ratio },
          overdue: lists.overdue.length,
          deadlines: lists.deadlines.length,
          absence: away
            ? {
                from: away.from_on,
                to: away.to_on,
                current: begun(away),
                coverCoachId: away.cover_coach_id,
                coverCoachName: away.cover_coach_name,
              }
            : null,
          covering: absences
            .filter((a) => a.cover_coach_id === coach.id && begun(a))
            .map((a) => ({ coachId: a.coach_id, coachName: a.coach_name, from: a.from_on, to: a.to_on })),
        };
      }),
    };
  },
);

import { describe, expect, it } from 'vitest';
import {
  agendaOf,
  feedSummary,
  isWallTime,
  referralWaitingDays,
  reviewPassed,
  validatePlan,
} from '../src/index.ts';

const item = (date: string, time: string | null, sortName: string) => ({ date, time, sortName });

describe('the agenda of « Ma journée »', () => {
  const today = '2026-12-03';

  it('orders today: all-day items first, then by time (not as text), then by name', () => {
    const agenda = agendaOf(
      [
        item(today, '14:30', 'Dupont'),
        item(today, '09:05', 'Martin'),
        item(today, null, 'Zeller'),
        item(today, '14:30', 'Adam'),
        item(today, '10:00:00', 'Bernard'),
      ],
      today,
    );
    expect(agenda.today.map((i) => `${i.time ?? 'all-day'} ${i.sortName}`)).toEqual([
      'all-day Zeller',
      '09:05 Martin',
      '10:00:00 Bernard',
      '14:30 Adam',
      '14:30 Dupont',
    ]);
  });

  it('groups the next seven days by day, in order, and leaves out the past and later days', () => {
    const agenda = agendaOf(
      [
        item('2026-12-05', '08:00', 'B'),
        item('2026-12-04', null, 'A'),
        item('2026-12-05', null, 'C'),
        item('2026-12-10', '16:00', 'D'), // today + 7: still this week
        item('2026-12-11', '09:00', 'E'), // next week
        item('2026-12-02', '09:00', 'F'), // yesterday
        item(today, '11:00', 'G'),
      ],
      today,
    );
    expect(agenda.today.map((i) => i.sortName)).toEqual(['G']);
    expect(agenda.week.map((d) => [d.date, d.items.map((i) => i.sortName)])).toEqual([
      ['2026-12-04', ['A']],
      ['2026-12-05', ['C', 'B']],
      ['2026-12-10', ['D']],
    ]);
  });

  it('follows the injected day: the same items seen a day later', () => {
    const items = [item('2026-12-04', '09:00', 'A'), item('2026-12-03', '09:00', 'B')];
    expect(agendaOf(items, '2026-12-04').today.map((i) => i.sortName)).toEqual(['A']);
    expect(agendaOf(items, '2026-12-04').week).toEqual([]);
  });
});

describe('a planned contact', () => {
  const today = '2026-12-03';
  const plan = { date: '2026-12-10', time: '14:30', durationMinutes: 60, place: 'Bureau' };

  it('accepts a valid plan, with or without a time', () => {
    expect(validatePlan(plan, today)).toEqual([]);
    expect(validatePlan({ ...plan, time: null, durationMinutes: null }, today)).toEqual([]);
  });

  it('names the field of what is wrong', () => {
    expect(validatePlan({ ...plan, time: '25:00' }, today).map((e) => e.field)).toEqual(['time']);
    expect(validatePlan({ ...plan, date: '2026-12-02' }, today).map((e) => e.field)).toEqual(['date']);
    expect(validatePlan({ ...plan, time: null }, today).map((e) => e.field)).toEqual(['durationMinutes']);
    expect(validatePlan({ ...plan, durationMinutes: 2 }, today).map((e) => e.field)).toEqual([
      'durationMinutes',
    ]);
    expect(validatePlan({ ...plan, place: 'x'.repeat(201) }, today).map((e) => e.field)).toEqual(['place']);
  });

  it('reads times from 00:00 to 23:59 only', () => {
    expect(['00:00', '09:30', '23:59'].every(isWallTime)).toBe(true);
    expect(['24:00', '25:00', '9:30', '12:60', '12h30', ''].some(isWallTime)).toBe(false);
  });
});

describe('referrals and reviews', () => {
  it('counts the days a referral has waited', () => {
    expect(referralWaitingDays('2026-11-03', '2026-12-03')).toBe(30);
    expect(referralWaitingDays('2026-12-03', '2026-12-03')).toBe(0);
  });

  it('flags a review date that has passed, not one due today', () => {
    expect(reviewPassed('2026-12-02', '2026-12-03')).toBe(true);
    expect(reviewPassed('2026-12-03', '2026-12-03')).toBe(false);
    expect(reviewPassed(null, '2026-12-03')).toBe(false);
  });
});

describe('the calendar feed title', () => {
  it('holds the first name, the initial and the channel, nothing else', () => {
    expect(feedSummary('Marie', 'dubois', 'Visite')).toBe('Marie D. — Visite');
    expect(feedSummary(' Éloi ', 'Émond', 'Téléphone')).toBe('Éloi É. — Téléphone');
  });
});

import { describe, expect, it } from 'vitest';
import {
  type CadenceSettings,
  type ContactStatusInput,
  contactStatus,
  DEFAULT_CADENCE_SETTINGS,
  expectedInterval,
  isDirectChannel,
  validateCadenceSettings,
} from '../src/index.ts';

const preHire: ContactStatusInput = {
  phase: 'pre_hire',
  lastDirectContact: null,
  phaseStart: '2024-01-15',
  followUpStart: null,
  today: '2024-05-20',
  settings: DEFAULT_CADENCE_SETTINGS,
};

describe('contact cadence', () => {
  it('counts face-to-face, phone and video as direct contacts, not messages, letters, sessions or unanswered calls', () => {
    expect(isDirectChannel('office_meeting')).toBe(true);
    expect(isDirectChannel('visit')).toBe(true);
    expect(isDirectChannel('phone')).toBe(true);
    expect(isDirectChannel('video')).toBe(true);
    expect(isDirectChannel('letter_email')).toBe(false);
    expect(isDirectChannel('group_session')).toBe(false);
    expect(isDirectChannel('sms_messaging')).toBe(false);
    expect(isDirectChannel('attempt_no_answer')).toBe(false);
    expect(isDirectChannel('event')).toBe(false);
  });

  it('in pre-hire, a last direct contact 8 days ago is overdue by one day', () => {
    expect(contactStatus({ ...preHire, lastDirectContact: '2024-05-12' })).toEqual({
      intervalDays: 7,
      dueDate: '2024-05-19',
      overdue: true,
      daysOverdue: 1,
    });
  });

  it('in pre-hire, a last direct contact 7 days ago is due today but not overdue', () => {
    expect(contactStatus({ ...preHire, lastDirectContact: '2024-05-13' })).toEqual({
      intervalDays: 7,
      dueDate: '2024-05-20',
      overdue: false,
      daysOverdue: 0,
    });
  });

  it('without any direct contact yet, counts from the start of the phase', () => {
    const status = contactStatus({ ...preHire, phaseStart: '2024-05-10' });
    expect(status).toMatchObject({ dueDate: '2024-05-17', overdue: true, daysOverdue: 3 });
  });

  it('in follow-up, contacts weekly the first month, every 14 days in month 2, every 30 days in month 5', () => {
    const start = '2024-03-01';
    expect(expectedInterval('follow_up', start, '2024-03-20', DEFAULT_CADENCE_SETTINGS)).toBe(7);
    expect(expectedInterval('follow_up', start, '2024-04-15', DEFAULT_CADENCE_SETTINGS)).toBe(14);
    expect(expectedInterval('follow_up', start, '2024-07-20', DEFAULT_CADENCE_SETTINGS)).toBe(30);
    expect(expectedInterval('follow_up', start, '2024-10-01', DEFAULT_CADENCE_SETTINGS)).toBe(30);
  });

  it('uses the follow-up start to find the month, even after a month-end', () => {
    const status = contactStatus({
      phase: 'follow_up',
      lastDirectContact: '2024-04-10',
      phaseStart: '2024-03-01',
      followUpStart: '2024-03-01',
      today: '2024-04-20',
      settings: DEFAULT_CADENCE_SETTINGS,
    });
    expect(status).toEqual({ intervalDays: 14, dueDate: '2024-04-24', overdue: false, daysOverdue: 0 });
  });

  it('applies an organisation’s own cadence', () => {
    const weekly: CadenceSettings = { preHireDays: 10, followUp: [{ untilMonth: 6, days: 7 }] };
    expect(expectedInterval('pre_hire', null, '2024-05-01', weekly)).toBe(10);
    expect(expectedInterval('follow_up', '2024-01-01', '2024-05-01', weekly)).toBe(7);
  });

  it('expects no contact at intake or after exit', () => {
    expect(contactStatus({ ...preHire, phase: 'intake' })).toEqual({
      intervalDays: null,
      dueDate: null,
      overdue: false,
      daysOverdue: 0,
    });
    expect(expectedInterval('exited', null, '2024-05-01', DEFAULT_CADENCE_SETTINGS)).toBeNull();
  });

  it('refuses cadence settings with non-increasing months or non-positive days', () => {
    expect(validateCadenceSettings(DEFAULT_CADENCE_SETTINGS)).toEqual([]);
    const bad: CadenceSettings = {
      preHireDays: 0,
      followUp: [
        { untilMonth: 3, days: 14 },
        { untilMonth: 2, days: -1 },
      ],
    };
    expect(validateCadenceSettings(bad).map((e) => e.field)).toEqual([
      'preHireDays',
      'followUp.1.untilMonth',
      'followUp.1.days',
    ]);
  });
});

describe('cadence across a change of phase', () => {
  it('counts from the start of the phase when the last direct contact predates it', () => {
    // Last seen at intake on 1 March; entered pre-hire on 18 May: due a week after entry, not overdue.
    const status = contactStatus({ ...preHire, phaseStart: '2024-05-18', lastDirectContact: '2024-03-01' });
    expect(status).toEqual({ intervalDays: 7, dueDate: '2024-05-25', overdue: false, daysOverdue: 0 });
  });
  it('counts from the last direct contact once one happened in the phase', () => {
    const status = contactStatus({ ...preHire, phaseStart: '2024-05-01', lastDirectContact: '2024-05-10' });
    expect(status.dueDate).toBe('2024-05-17');
    expect(status.overdue).toBe(true);
  });
});

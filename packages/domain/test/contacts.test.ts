import { describe, expect, it } from 'vitest';
import {
  CONTACT_CHANNELS,
  countsAsEmployerContact,
  DIRECT_CHANNELS,
  EARLIER_CHANNELS,
  keepsCadence,
  mayCorrect,
  validateContact,
  validateCorrectionReason,
} from '../src/index.ts';

describe('one contact record with its participants', () => {
  const visit = {
    date: '2024-05-20',
    channel: 'visit' as const,
    persons: [{ personId: 'p1', present: false }],
    employerId: 'e1',
    counterpart: null,
    nextPlannedOn: null,
  };

  it('keeps the cadence of a person who took part in a direct contact, not of one only talked about', () => {
    expect(keepsCadence({ channel: 'visit', cancelled: false }, { personId: 'p1', present: true })).toBe(
      true,
    );
    expect(keepsCadence({ channel: 'visit', cancelled: false }, { personId: 'p1', present: false })).toBe(
      false,
    );
    expect(
      keepsCadence({ channel: 'sms_messaging', cancelled: false }, { personId: 'p1', present: true }),
    ).toBe(false);
    expect(keepsCadence({ channel: 'phone', cancelled: true }, { personId: 'p1', present: true })).toBe(
      false,
    );
  });

  it('counts a direct contact with an employer among « Employeurs contactés », not a letter nor a cancelled visit', () => {
    expect(countsAsEmployerContact({ channel: 'visit', employerId: 'e1', cancelled: false })).toBe(true);
    expect(
      countsAsEmployerContact({ channel: 'attempt_no_answer', employerId: 'e1', cancelled: false }),
    ).toBe(false);
    expect(countsAsEmployerContact({ channel: 'visit', employerId: null, cancelled: false })).toBe(false);
    expect(countsAsEmployerContact({ channel: 'visit', employerId: 'e1', cancelled: true })).toBe(false);
  });

  it('maps the two earlier vocabularies onto the one, direct staying direct', () => {
    for (const [earlier, now] of Object.entries(EARLIER_CHANNELS)) {
      expect(CONTACT_CHANNELS).toContain(now);
      expect(DIRECT_CHANNELS.includes(now)).toBe(earlier === 'workplace_visit');
    }
  });

  it('asks who the contact was with, refuses a future date and a next contact before this one', () => {
    expect(validateContact(visit, '2024-05-21')).toEqual([]);
    expect(
      validateContact({ ...visit, persons: [], employerId: null }, '2024-05-21').map((e) => e.field),
    ).toEqual(['persons']);
    expect(validateContact({ ...visit, date: '2024-05-22' }, '2024-05-21').map((e) => e.field)).toEqual([
      'date',
    ]);
    expect(
      validateContact({ ...visit, nextPlannedOn: '2024-05-19' }, '2024-05-21').map((e) => e.field),
    ).toEqual(['nextPlannedOn']);
    expect(
      validateContact({ ...visit, persons: [visit.persons[0]!, visit.persons[0]!] }, '2024-05-21').map(
        (e) => e.field,
      ),
    ).toEqual(['persons']);
  });

  it('lets the author or a coordinator correct an entry, with a reason', () => {
    expect(mayCorrect({ authorId: 'u1' }, { userId: 'u1', role: 'jobcoach' })).toBe(true);
    expect(mayCorrect({ authorId: 'u1' }, { userId: 'u2', role: 'jobcoach' })).toBe(false);
    expect(mayCorrect({ authorId: 'u1' }, { userId: 'u2', role: 'coordinator' })).toBe(true);
    expect(validateCorrectionReason('  ')).toHaveLength(1);
    expect(validateCorrectionReason('Saisi sur la mauvaise personne')).toEqual([]);
  });
});

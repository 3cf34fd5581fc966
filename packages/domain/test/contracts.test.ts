import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  CONTRACT_END_REASONS,
  CONTRACT_TYPES,
  type Contract,
  type ContractType,
  cddEndAlert,
  contractDraftFrom,
  contractStatus,
  contractsPreHireClock,
  contractToEmployment,
  countDays,
  currentFrequency,
  daysBetween,
  endReasonsFor,
  FIXED_TERM_TYPES,
  followUpWindow,
  isRunningOn,
  maxDate,
  minDate,
  plannedEndAfter,
  preHireClock,
  returnDate,
  signingEffect,
  successorOf,
  suspendingPeriods,
  trajectoryEffectOfEnd,
  validateArrangement,
  validateContract,
} from '../src/index.ts';
import { isoDate } from './arbitraries.ts';

let seq = 0;
function contract(
  type: ContractType,
  start: string,
  plannedEnd: string | null,
  more: Partial<Contract> = {},
) {
  seq += 1;
  return {
    id: `c${seq}`,
    type,
    signedOn: start,
    start,
    plannedEnd,
    actualEnd: null,
    endReason: null,
    convertedFromId: null,
    ...more,
  } satisfies Contract;
}

const ENTRY = '2024-01-15';

describe('contracts and the pre-hire clock', () => {
  it('ACCEPTANCE: two overlapping CDDs suspend the clock once', () => {
    // 1 June → 31 August (92 days) and 1 August → 30 September (61 days): the union is 122 days.
    const a = contract('cdd', '2024-06-01', '2024-08-31');
    const b = contract('cdd', '2024-08-01', '2024-09-30');
    const clock = contractsPreHireClock({ preHireEntry: ENTRY, contracts: [a, b], today: '2024-12-01' });
    expect(clock.suspendedDays).toBe(122);
    expect(clock.suspendedDays).toBeLessThan(92 + 61);
    expect(clock.deadline).toBe(addDays('2026-01-15', 122));
  });

  it('ACCEPTANCE: a dismissal in follow-up brings the person back with the pre-hire time left unchanged', () => {
    // 8 months of pre-hire, a CDI from 15 September, dismissed on 20 December.
    const start = '2024-09-15';
    const dismissedOn = '2024-12-20';
    const cdi = contract('cdi', start, null);
    const before = contractsPreHireClock({ preHireEntry: ENTRY, contracts: [], today: addDays(start, -1) });
    const ended = { ...cdi, actualEnd: dismissedOn, endReason: 'dismissal' as const };
    const effect = trajectoryEffectOfEnd('dismissal', {
      type: 'cdi',
      phase: 'follow_up',
      otherContractRunning: false,
    });
    expect(effect).toEqual({ kind: 'return_to_pre_hire', returnReason: 'dismissal' });
    const lastDay = contractsPreHireClock({ preHireEntry: ENTRY, contracts: [ended], today: dismissedOn });
    expect(lastDay.daysLeft).toBe(before.daysLeft);
    expect(lastDay.daysUsed).toBe(before.daysUsed);
    // Back in pre-hire the next day: that day is the first one used again.
    const back = returnDate(dismissedOn, start, '2025-01-10');
    expect(back).toBe('2024-12-21');
    const afterReturn = contractsPreHireClock({ preHireEntry: ENTRY, contracts: [ended], today: back });
    expect(afterReturn.daysUsed).toBe(before.daysUsed + 1);
    expect(afterReturn.deadline).toBe(addDays(before.deadline, daysBetween(start, dismissedOn) + 1));
  });

  it('ACCEPTANCE: a CDD converted to CDI continues the follow-up within its 6 months', () => {
    const cdd = contract('cdd', '2024-03-01', '2024-08-31', {
      actualEnd: '2024-05-31',
      endReason: 'converted_to_cdi',
    });
    expect(trajectoryEffectOfEnd('converted_to_cdi', { type: 'cdd' })).toEqual({
      kind: 'continue',
      successorType: 'cdi',
    });
    const next = successorOf({ ...cdd, actualEnd: '2024-05-31' }, 'converted_to_cdi', {}, '2024-06-03');
    expect(next).toEqual({
      ok: true,
      type: 'cdi',
      start: '2024-06-01',
      signedOn: '2024-06-01',
      plannedEnd: null,
    });
    const cdi = contract('cdi', '2024-06-01', null, { convertedFromId: cdd.id });
    const window = followUpWindow([cdd, cdi], '2024-07-15');
    expect(window).toEqual({
      start: '2024-03-01',
      limit: '2024-09-01',
      end: '2024-09-01',
      contractIds: [cdd.id, cdi.id],
    });
    // Even with a gap between the two (a CDI starting on a Monday), the link keeps one employment.
    const later = contract('cdi', '2024-06-10', null, { convertedFromId: cdd.id });
    expect(followUpWindow([cdd, later], '2024-07-15')?.start).toBe('2024-03-01');
    // Every day of the employment suspends the pre-hire clock, under the CDD and under the CDI.
    const clock = contractsPreHireClock({ preHireEntry: ENTRY, contracts: [cdd, cdi], today: '2024-07-15' });
    expect(clock.suspendedDays).toBe(daysBetween('2024-03-01', '2024-07-15') + 1);
    expect(clock.suspended).toBe(true);
  });

  it('lets an immersion neither suspend the clock nor open follow-up', () => {
    const immersion = contract('immersion', '2024-05-01', '2024-05-14');
    expect(suspendingPeriods([immersion])).toEqual([]);
    expect(
      contractsPreHireClock({ preHireEntry: ENTRY, contracts: [immersion], today: '2024-06-01' })
        .suspendedDays,
    ).toBe(0);
    expect(followUpWindow([immersion], '2024-05-10')).toBeNull();
    expect(signingEffect('immersion', 'pre_hire', '2024-05-01', '2024-05-10')).toEqual({
      ok: true,
      transitions: [],
    });
  });

  it('counts hand-entered periods with the contracts, each day once', () => {
    const cdd = contract('cdd', '2024-06-01', '2024-06-30');
    const clock = contractsPreHireClock({
      preHireEntry: ENTRY,
      contracts: [cdd],
      handEntered: [{ kind: 'other', start: '2024-06-20', end: '2024-07-09' }],
      today: '2024-08-01',
    });
    expect(clock.suspendedDays).toBe(39);
  });

  it('maps contracts to employment periods: CDD and fixed terms as cdd, CDI as cdi, immersion as other', () => {
    expect(contractToEmployment(contract('cdd', '2024-01-01', '2024-03-31'))).toEqual({
      kind: 'cdd',
      start: '2024-01-01',
      end: '2024-03-31',
    });
    expect(contractToEmployment(contract('cdi', '2024-01-01', null)).kind).toBe('cdi');
    expect(contractToEmployment(contract('interim', '2024-01-01', '2024-01-05')).kind).toBe('cdd');
    expect(contractToEmployment(contract('art_60_7', '2024-01-01', '2025-06-30')).kind).toBe('cdd');
    expect(contractToEmployment(contract('other_subsidised', '2024-01-01', null)).kind).toBe('other');
    expect(contractToEmployment(contract('immersion', '2024-01-01', '2024-01-10')).kind).toBe('other');
    // The actual end wins over the planned one.
    const cut = contract('cdd', '2024-01-01', '2024-03-31', {
      actualEnd: '2024-02-10',
      endReason: 'dismissal',
    });
    expect(contractToEmployment(cut).end).toBe('2024-02-10');
  });

  it('suspends exactly the union of employment days (property)', () => {
    const arbitrary = fc.array(
      fc.record({
        type: fc.constantFrom(...CONTRACT_TYPES),
        offset: fc.integer({ min: -60, max: 700 }),
        length: fc.integer({ min: 0, max: 200 }),
        open: fc.boolean(),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        isoDate('2015-01-01', 3000),
        arbitrary,
        fc.integer({ min: 0, max: 900 }),
        (entry, specs, at) => {
          const today = addDays(entry, at);
          const contracts = specs.map((s) => {
            const start = addDays(entry, s.offset);
            const end =
              s.open && (s.type === 'cdi' || s.type === 'other_subsidised') ? null : addDays(start, s.length);
            return contract(s.type, start, end);
          });
          const clock = contractsPreHireClock({ preHireEntry: entry, contracts, today });
          const days = countDays(
            contracts
              .filter((c) => c.type !== 'immersion')
              .map((c) => ({ start: maxDate(c.start, entry), end: minDate(c.plannedEnd ?? today, today) })),
          );
          expect(clock.suspendedDays).toBe(days);
          expect(clock.daysUsed + clock.suspendedDays).toBe(clock.elapsedDays);
          // Not suspending any of them gives the plain clock back.
          expect(preHireClock({ preHireEntry: entry, employments: [], today }).baseDeadline).toBe(
            clock.baseDeadline,
          );
        },
      ),
    );
  });

  it('keeps the pre-hire time left across any job that ends (property)', () => {
    fc.assert(
      fc.property(
        isoDate('2015-01-01', 3000),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom<ContractType>('cdi', 'cdd', 'interim', 'art_60_7', 'other_subsidised'),
        (entry, before, worked, type) => {
          const start = addDays(entry, before);
          const end = addDays(start, worked);
          const c = contract(type, start, type === 'cdi' ? null : end, {
            actualEnd: end,
            endReason: 'dismissal',
          });
          const atHire = contractsPreHireClock({
            preHireEntry: entry,
            contracts: [c],
            today: addDays(start, -1),
          });
          const atEnd = contractsPreHireClock({ preHireEntry: entry, contracts: [c], today: end });
          expect(atEnd.daysLeft).toBe(atHire.daysLeft);
          expect(atEnd.overallDeadline).toBe(atHire.overallDeadline); // 30 months: never suspended
        },
      ),
    );
  });
});

describe('contract validation (French messages)', () => {
  const today = '2025-03-10';
  const base = {
    type: 'cdd' as ContractType,
    signedOn: '2025-03-01',
    start: '2025-03-03',
    plannedEnd: '2025-08-31',
    hoursPerWeek: 38,
    actualEnd: null,
    endReason: null,
  };

  it('accepts a complete CDD and a CDI without an end', () => {
    expect(validateContract(base, today)).toEqual([]);
    expect(validateContract({ ...base, type: 'cdi', plannedEnd: null }, today)).toEqual([]);
  });

  it('ACCEPTANCE: refuses a CDD without a planned end', () => {
    expect(validateContract({ ...base, plannedEnd: null }, today)).toEqual([
      { field: 'plannedEnd', message: 'La date de fin prévue est obligatoire pour un contrat « CDD ».' },
    ]);
    for (const type of FIXED_TERM_TYPES) {
      expect(validateContract({ ...base, type, plannedEnd: null }, today)[0]?.field).toBe('plannedEnd');
    }
  });

  it('ACCEPTANCE: refuses an end before the start', () => {
    expect(validateContract({ ...base, plannedEnd: '2025-03-02' }, today)).toEqual([
      { field: 'plannedEnd', message: 'La date de fin prévue ne peut pas précéder le début du contrat.' },
    ]);
    const [error] = validateContract({ ...base, actualEnd: '2025-03-01', endReason: 'dismissal' }, today);
    expect(error).toEqual({
      field: 'actualEnd',
      message: 'La date de fin ne peut pas précéder le début du contrat.',
    });
  });

  it('refuses a planned end on a CDI, a future signature or end, and an end without its reason', () => {
    expect(validateContract({ ...base, type: 'cdi' }, today)[0]?.field).toBe('plannedEnd');
    expect(validateContract({ ...base, signedOn: '2025-03-11' }, today)[0]?.field).toBe('signedOn');
    expect(
      validateContract({ ...base, actualEnd: '2025-03-11', endReason: 'term_reached' }, today)[0]?.message,
    ).toMatch(/futur/);
    expect(validateContract({ ...base, actualEnd: '2025-03-09' }, today)[0]?.field).toBe('endReason');
    expect(validateContract({ ...base, endReason: 'dismissal' }, today)[0]?.field).toBe('actualEnd');
    expect(validateContract({ ...base, hoursPerWeek: 0 }, today)[0]?.field).toBe('hoursPerWeek');
  });

  it('fits end reasons to the contract: no term nor renewal for a CDI, no conversion of a CDI or an immersion', () => {
    expect(endReasonsFor({ type: 'cdi', plannedEnd: null })).toEqual([
      'dismissal',
      'resignation',
      'abandonment',
      'trial_period_failed',
    ]);
    expect(endReasonsFor({ type: 'cdd', plannedEnd: '2025-01-01' })).toEqual([...CONTRACT_END_REASONS]);
    expect(endReasonsFor({ type: 'immersion', plannedEnd: '2025-01-01' })).not.toContain('converted_to_cdi');
    const cdi = { ...base, type: 'cdi' as ContractType, plannedEnd: null, actualEnd: '2025-03-09' };
    expect(validateContract({ ...cdi, endReason: 'term_reached' }, today)[0]?.message).toMatch(/sans terme/);
    expect(validateContract({ ...cdi, endReason: 'converted_to_cdi' }, today)[0]?.message).toMatch(
      /ne se convertit pas/,
    );
  });

  it('checks a renewal: a new planned end is required, it continues the contract closely', () => {
    const ended = { type: 'cdd' as ContractType, start: '2025-01-01', actualEnd: '2025-02-28' };
    expect(successorOf(ended, 'renewed', {}, today)).toMatchObject({
      ok: false,
      errors: [{ field: 'next.plannedEnd' }],
    });
    expect(successorOf(ended, 'renewed', { plannedEnd: '2025-06-30' }, today)).toEqual({
      ok: true,
      type: 'cdd',
      start: '2025-03-01',
      signedOn: '2025-03-01',
      plannedEnd: '2025-06-30',
    });
    expect(
      successorOf(ended, 'renewed', { start: '2025-05-01', plannedEnd: '2025-06-30' }, today),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'next.start' }],
    });
  });
});

describe('trajectory effects of contracts', () => {
  it('moves from pre-hire to hiring, and on to follow-up once the contract has started', () => {
    expect(signingEffect('cdd', 'pre_hire', '2025-03-01', '2025-03-10')).toEqual({
      ok: true,
      transitions: ['start_hiring', 'start_follow_up'],
    });
    expect(signingEffect('cdi', 'pre_hire', '2025-04-01', '2025-03-10')).toEqual({
      ok: true,
      transitions: ['start_hiring'],
    });
    expect(signingEffect('cdi', 'hiring', '2025-03-10', '2025-03-10')).toEqual({
      ok: true,
      transitions: ['start_follow_up'],
    });
    expect(signingEffect('cdd', 'follow_up', '2025-03-10', '2025-03-10')).toEqual({
      ok: true,
      transitions: [],
    });
    expect(signingEffect('cdd', 'intake', '2025-03-10', '2025-03-10')).toMatchObject({ ok: false });
    expect(signingEffect('cdd', 'exited', '2025-03-10', '2025-03-10')).toMatchObject({ ok: false });
  });

  it('sends the person back to pre-hire after an end, unless the job goes on or another one runs', () => {
    const back = (reason: Parameters<typeof trajectoryEffectOfEnd>[0]) =>
      trajectoryEffectOfEnd(reason, { type: 'cdd', phase: 'follow_up' });
    expect(back('term_reached')).toEqual({ kind: 'return_to_pre_hire', returnReason: 'cdd_ended' });
    expect(back('dismissal')).toEqual({ kind: 'return_to_pre_hire', returnReason: 'dismissal' });
    expect(back('abandonment')).toEqual({ kind: 'return_to_pre_hire', returnReason: 'follow_up_failed' });
    expect(back('resignation')).toEqual({ kind: 'return_to_pre_hire', returnReason: 'follow_up_failed' });
    expect(back('trial_period_failed')).toEqual({
      kind: 'return_to_pre_hire',
      returnReason: 'follow_up_failed',
    });
    expect(back('renewed')).toEqual({ kind: 'continue', successorType: 'cdd' });
    expect(
      trajectoryEffectOfEnd('dismissal', { type: 'cdd', phase: 'follow_up', otherContractRunning: true }),
    ).toEqual({ kind: 'none', why: 'other_contract_running' });
    expect(trajectoryEffectOfEnd('dismissal', { type: 'cdd', phase: 'hiring' })).toEqual({
      kind: 'return_to_pre_hire',
      returnReason: 'hiring_failed',
    });
    expect(trajectoryEffectOfEnd('term_reached', { type: 'immersion', phase: 'pre_hire' })).toEqual({
      kind: 'none',
      why: 'not_employment',
    });
    expect(trajectoryEffectOfEnd('term_reached', { type: 'cdd', phase: 'pre_hire' })).toEqual({
      kind: 'none',
      why: 'phase',
    });
  });

  it('dates the return the day after the last day worked, never in the future nor before the phase', () => {
    expect(returnDate('2025-03-07', '2025-01-01', '2025-03-20')).toBe('2025-03-08');
    expect(returnDate('2025-03-20', '2025-01-01', '2025-03-20')).toBe('2025-03-20');
    expect(returnDate('2025-01-01', '2025-02-01', '2025-03-20')).toBe('2025-02-01');
  });

  it('tells a contract signed, running or ended', () => {
    const c = contract('cdd', '2025-03-01', '2025-03-31');
    expect(contractStatus(c, '2025-02-20')).toBe('signed');
    expect(contractStatus(c, '2025-03-31')).toBe('running');
    expect(contractStatus(c, '2025-04-01')).toBe('ended');
    expect(isRunningOn(c, '2025-03-15')).toBe(true);
    expect(isRunningOn({ ...c, actualEnd: '2025-03-10' }, '2025-03-15')).toBe(false);
  });
});

describe('the follow-up window', () => {
  it('lasts 6 months from the start of a CDI, and ends with a CDD that ends earlier', () => {
    expect(followUpWindow([contract('cdi', '2025-01-10', null)], '2025-02-01')).toMatchObject({
      start: '2025-01-10',
      end: '2025-07-10',
    });
    expect(followUpWindow([contract('cdd', '2025-01-10', '2025-03-31')], '2025-02-01')).toMatchObject({
      start: '2025-01-10',
      limit: '2025-07-10',
      end: '2025-03-31',
    });
  });

  it('is not reopened by a second job during follow-up, but a new job after a gap opens a new one', () => {
    const first = contract('cdi', '2025-01-10', null, { actualEnd: '2025-03-31', endReason: 'dismissal' });
    const overlapping = contract('interim', '2025-03-01', '2025-04-15');
    expect(followUpWindow([first, overlapping], '2025-04-01')?.start).toBe('2025-01-10');
    const afterGap = contract('cdd', '2025-06-01', '2025-11-30');
    expect(followUpWindow([first, overlapping, afterGap], '2025-06-02')).toMatchObject({
      start: '2025-06-01',
      end: '2025-11-30',
    });
    // Contracts not started yet do not count.
    expect(followUpWindow([afterGap], '2025-05-31')).toBeNull();
  });

  it('never ends after its 6 months nor before its start (property)', () => {
    fc.assert(
      fc.property(
        isoDate('2015-01-01', 3000),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 300 }))), {
          minLength: 1,
          maxLength: 5,
        }),
        (from, specs) => {
          const contracts = specs.map(([offset, length]) => {
            const start = addDays(from, offset);
            return length === null
              ? contract('cdi', start, null)
              : contract('cdd', start, addDays(start, length));
          });
          const window = followUpWindow(contracts, addDays(from, 500));
          expect(window).not.toBeNull();
          expect(window!.limit).toBe(addMonths(window!.start, 6));
          expect(window!.end <= window!.limit).toBe(true);
          expect(window!.end >= window!.start).toBe(true);
        },
      ),
    );
  });
});

describe('the alert before a CDD’s planned end', () => {
  const cdd = contract('cdd', '2025-01-01', '2025-06-30');

  it('shows from 21 days before the planned end, until an end is recorded', () => {
    expect(cddEndAlert(cdd, '2025-06-08')).toBeNull();
    expect(cddEndAlert(cdd, '2025-06-09')).toEqual({
      plannedEnd: '2025-06-30',
      alertFrom: '2025-06-09',
      daysLeft: 21,
      overdue: false,
    });
    expect(cddEndAlert(cdd, '2025-07-02')).toMatchObject({ daysLeft: -2, overdue: true });
    expect(cddEndAlert({ ...cdd, actualEnd: '2025-06-30' }, '2025-06-20')).toBeNull();
    expect(cddEndAlert(contract('cdi', '2025-01-01', null), '2025-06-20')).toBeNull();
    expect(cddEndAlert(contract('immersion', '2025-06-01', '2025-06-30'), '2025-06-20')).toBeNull();
    expect(cddEndAlert(cdd, '2025-06-01', 30)).toMatchObject({ alertFrom: '2025-05-31', daysLeft: 29 });
  });

  it('appears exactly within the window (property)', () => {
    fc.assert(
      fc.property(
        isoDate(),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: -200, max: 200 }),
        (end, days, at) => {
          const today = addDays(end, at);
          const alert = cddEndAlert({ type: 'cdd', plannedEnd: end, actualEnd: null }, today, days);
          expect(alert !== null).toBe(at >= -days);
        },
      ),
    );
  });
});

describe('the follow-up arrangement', () => {
  const ok = {
    mode: 'bilateral' as const,
    threeWayReason: null,
    discreet: false,
    consentOn: null,
    frequency: null,
  };

  it('allows a three-way meeting only with a recorded reason', () => {
    expect(validateArrangement(ok, '2025-01-01')).toEqual([]);
    expect(validateArrangement({ ...ok, mode: 'three_way' }, '2025-01-01')[0]?.field).toBe('threeWayReason');
    expect(
      validateArrangement({ ...ok, mode: 'three_way', threeWayReason: 'explicit_request' }, '2025-01-01'),
    ).toEqual([]);
  });

  it('keeps a discreet follow-up away from the employer', () => {
    expect(validateArrangement({ ...ok, discreet: true, mode: 'phone' }, '2025-01-01')).toEqual([]);
    expect(
      validateArrangement({ ...ok, discreet: true, mode: 'workplace_visits' }, '2025-01-01')[0],
    ).toMatchObject({
      field: 'mode',
    });
  });

  it('checks the frequency steps and the consent date', () => {
    expect(
      validateArrangement(
        {
          ...ok,
          frequency: [
            { untilMonth: 2, days: 7 },
            { untilMonth: 1, days: 14 },
          ],
        },
        '2025-01-01',
      )[0]?.field,
    ).toBe('frequency.1.untilMonth');
    expect(validateArrangement({ ...ok, consentOn: '2025-01-02' }, '2025-01-01')[0]?.field).toBe('consentOn');
  });
});

describe('the follow-up frequency agreed for a person', () => {
  const weekly = [{ untilMonth: 6, days: 7 }];
  const monthly = [{ untilMonth: 6, days: 30 }];
  it('is the one of the latest employment contract without a recorded end that has one', () => {
    expect(
      currentFrequency([
        { type: 'cdi', actualEnd: null, frequency: null },
        { type: 'cdd', actualEnd: null, frequency: weekly },
        { type: 'cdd', actualEnd: null, frequency: monthly },
      ]),
    ).toBe(weekly);
  });
  it('skips ended contracts and immersions; none agreed: the organisation’s cadence (null)', () => {
    expect(
      currentFrequency([
        { type: 'immersion', actualEnd: null, frequency: weekly },
        { type: 'cdd', actualEnd: '2025-01-31', frequency: weekly },
        { type: 'cdd', actualEnd: null, frequency: monthly },
      ]),
    ).toBe(monthly);
    expect(currentFrequency([{ type: 'cdd', actualEnd: '2025-01-31', frequency: weekly }])).toBeNull();
    expect(currentFrequency([])).toBeNull();
  });
});

describe('the contract signed for an offer, filled from it', () => {
  it('takes the employer, the offer, the title, the type, the length and the hours from the offer', () => {
    expect(
      contractDraftFrom({
        employerId: 'e',
        employerName: 'Entrepôts du Hainaut',
        vacancyId: 'v',
        title: 'Préparateur de commandes',
        contractType: 'cdd',
        contractMonths: 6,
        hoursPerWeek: 38,
      }),
    ).toEqual({
      employerId: 'e',
      employerName: 'Entrepôts du Hainaut',
      vacancyId: 'v',
      jobTitle: 'Préparateur de commandes',
      type: 'cdd',
      contractMonths: 6,
      hoursPerWeek: 38,
    });
    // An offer of « autre » type leaves the contract's type to the coach.
    expect(
      contractDraftFrom({
        employerId: 'e',
        employerName: 'Brasserie de la Place',
        vacancyId: 'v',
        title: 'Aide-cuisinier',
        contractType: 'other',
        contractMonths: null,
        hoursPerWeek: null,
      }).type,
    ).toBeNull();
  });

  it('ends a contract of n months the day before the same date n months later', () => {
    expect(plannedEndAfter('2024-03-01', 6)).toBe('2024-08-31');
    expect(plannedEndAfter('2024-01-31', 1)).toBe('2024-02-28');
    expect(plannedEndAfter('2023-12-15', 3)).toBe('2024-03-14');
  });
});

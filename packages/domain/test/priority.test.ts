import { describe, expect, it } from 'vitest';
import {
  PRIORITY_GROUP_LABELS,
  PRIORITY_GROUPS,
  type PrioritySituation,
  priorityGroups,
} from '../src/index.ts';

const nobody: PrioritySituation = {
  birthDate: '1990-05-01',
  monthsWithoutJob: 3,
  debtSettlementPlan: false,
  singleParent: false,
  childrenCount: 0,
  studies: 'cess',
};
const today = '2024-06-10';

describe('priority groups of the call', () => {
  it('places nobody in a group without a reason', () => {
    expect(priorityGroups(nobody, today)).toEqual([]);
  });

  it('group 1: without a job for at least 24 months', () => {
    expect(priorityGroups({ ...nobody, monthsWithoutJob: 23 }, today)).toEqual([]);
    expect(priorityGroups({ ...nobody, monthsWithoutJob: 24 }, today)).toEqual(['jobless_24_months']);
  });

  it('group 2: older than 45 on the day and without a job for at least 12 months', () => {
    const turns46 = { ...nobody, birthDate: '1978-06-10', monthsWithoutJob: 12 };
    expect(priorityGroups(turns46, '2024-06-09')).toEqual([]); // still 45
    expect(priorityGroups(turns46, '2024-06-10')).toEqual(['over_45_jobless_12_months']);
    expect(priorityGroups({ ...turns46, monthsWithoutJob: 11 }, '2024-06-10')).toEqual([]);
  });

  it('group 3: under a debt settlement plan', () => {
    expect(priorityGroups({ ...nobody, debtSettlementPlan: true }, today)).toEqual(['debt_settlement_plan']);
  });

  it('group 4: single parent with at least one child and without a CESS', () => {
    const parent = { ...nobody, singleParent: true, childrenCount: 1 };
    expect(priorityGroups({ ...parent, studies: 'ceb' }, today)).toEqual(['low_qualified_single_parent']);
    expect(priorityGroups({ ...parent, studies: 'cesi' }, today)).toEqual(['low_qualified_single_parent']);
    expect(priorityGroups({ ...parent, studies: 'other' }, today)).toEqual(['low_qualified_single_parent']);
    expect(priorityGroups({ ...parent, studies: 'cess' }, today)).toEqual([]);
    expect(priorityGroups({ ...parent, studies: 'ceb', childrenCount: 0 }, today)).toEqual([]);
  });

  it('lists every group a person belongs to, in the call’s order', () => {
    const all: PrioritySituation = {
      birthDate: '1970-01-01',
      monthsWithoutJob: 30,
      debtSettlementPlan: true,
      singleParent: true,
      childrenCount: 2,
      studies: 'ceb',
    };
    expect(priorityGroups(all, today)).toEqual([...PRIORITY_GROUPS]);
  });

  it('never places a person in a group on unknown information', () => {
    const unknown: PrioritySituation = {
      birthDate: null,
      monthsWithoutJob: null,
      debtSettlementPlan: null,
      singleParent: true,
      childrenCount: 1,
      studies: null,
    };
    expect(priorityGroups(unknown, today)).toEqual([]);
  });

  it('names every group in French', () => {
    expect(PRIORITY_GROUP_LABELS.jobless_24_months).toBe('Sans emploi depuis au moins 2 ans');
    for (const group of PRIORITY_GROUPS) expect(PRIORITY_GROUP_LABELS[group]).toBeTruthy();
  });
});

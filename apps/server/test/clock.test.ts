import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../src/clock.ts';

describe('the server clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns to the next Brussels day at midnight, summer time and winter time, asked every second', () => {
    const clock = new Clock();
    vi.setSystemTime(new Date('2024-06-30T21:59:58Z')); // 23:59:58 in summer time
    expect(clock.today()).toBe('2024-06-30');
    vi.advanceTimersByTime(1_000);
    expect(clock.today()).toBe('2024-06-30');
    vi.advanceTimersByTime(1_000); // 00:00:00
    expect(clock.today()).toBe('2024-07-01');
    vi.setSystemTime(new Date('2024-12-31T22:59:59Z')); // 23:59:59 in winter time
    expect(clock.today()).toBe('2024-12-31');
    vi.advanceTimersByTime(1_000);
    expect(clock.today()).toBe('2025-01-01');
  });

  it('follows a shift of days at once, within the same minute', () => {
    const clock = new Clock();
    vi.setSystemTime(new Date('2024-03-10T10:00:00Z'));
    expect(clock.today()).toBe('2024-03-10');
    clock.shiftDays(3);
    expect(clock.today()).toBe('2024-03-13');
    clock.shiftDays(0);
    expect(clock.today()).toBe('2024-03-10');
  });
});

describe('a clock that tells another time', () => {
  it('gives the day of the time it tells', () => {
    class Fixed extends Clock {
      at = Date.parse('2024-06-30T21:59:00Z');
      override now() {
        return new Date(this.at);
      }
    }
    const clock = new Fixed();
    expect(clock.today()).toBe('2024-06-30');
    clock.at += 60_000; // midnight in Brussels
    expect(clock.today()).toBe('2024-07-01');
  });
});

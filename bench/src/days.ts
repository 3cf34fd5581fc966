/** Calendar days as integers (days since 1970-01-01), fast to add and compare in the generator. */

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

const cache = new Map<number, string>();

export function isoOf(day: number): string {
  let s = cache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    cache.set(day, s);
  }
  return s;
}

/** A timestamp (text, UTC) on the given day at the given minute of the day. */
export function stampOf(day: number, minute: number): string {
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  return `${isoOf(day)} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+00`;
}

/** Whole calendar months later (the 24-month and 30-month limits are calendar months). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return Math.round(target.getTime() / MS_PER_DAY);
}

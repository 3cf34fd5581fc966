import { brusselsDate } from '@jobcoach/domain';

// Days travel as 'YYYY-MM-DD' (the API's format, and the value of <input type="date">) and are
// shown as dd/mm/yyyy, the way Belgian users write them in every language.

/** '2026-01-15' → '15/01/2026'; anything else is shown as is. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Today in Brussels, for the default value of a date field (the server has the last word). */
export function today(): string {
  return brusselsDate(new Date());
}

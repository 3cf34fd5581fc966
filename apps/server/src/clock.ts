// Built once: constructing a DateTimeFormat costs far more than formatting with it, and "today" is
// asked several times per request.
const BRUSSELS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The server's notion of "now". Production reads the system clock; the test suite may shift it
 * (see the test-clock route, refused unless the server was built for tests).
 */
export class Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** Today's calendar date in Europe/Brussels, as YYYY-MM-DD. */
  today(): string {
    return BRUSSELS_DATE.format(this.now());
  }

  shiftDays(days: number) {
    this.#offsetMs = days * 86_400_000;
  }

  get offsetDays(): number {
    return this.#offsetMs / 86_400_000;
  }
}

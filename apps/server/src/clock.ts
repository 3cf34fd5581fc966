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
  /** The day last formatted, and the minute it was formatted for. */
  #day = '';
  #dayMinute = Number.NaN;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /**
   * Today's calendar date in Europe/Brussels, as YYYY-MM-DD. Formatted once per minute: the date
   * can only change on a minute's boundary (Brussels' offsets are whole hours), and every request
   * asks for it at least once.
   */
  today(): string {
    // Through now(): a clock that tells another time (the tests') is read the same way.
    const ms = this.now().getTime();
    const minute = Math.floor(ms / 60_000);
    if (minute !== this.#dayMinute) {
      this.#day = BRUSSELS_DATE.format(ms);
      this.#dayMinute = minute;
    }
    return this.#day;
  }

  shiftDays(days: number) {
    this.#offsetMs = days * 86_400_000;
  }

  get offsetDays(): number {
    return this.#offsetMs / 86_400_000;
  }
}

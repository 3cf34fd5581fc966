import {
  AGENDA_TIME_ZONE,
  addDays,
  CONTACT_CHANNEL_LABELS,
  type ContactChannel,
  feedSummary,
  minutesOfDay,
} from '@jobcoach/domain';
import ical, { ICalEventClass, ICalEventStatus } from 'ical-generator';

/**
 * The calendar feed of a coach (RFC 5545, generated with ical-generator): each planned contact an
 * event in Europe/Brussels time (DTSTART;TZID=Europe/Brussels, with its VTIMEZONE), a plan without
 * a time an all-day event. What leaves the application is kept to what a calendar needs: the
 * person's first name and initial and the channel (domain feedSummary), the place when one was
 * given, and no notes, no full name, nothing about the person's situation (docs/decisions.md).
 */

/**
 * Europe/Brussels since 1996: CET (+01:00), CEST (+02:00) from the last Sunday of March at 02:00
 * to the last Sunday of October at 03:00 (the EU rule).
 */
const BRUSSELS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Brussels',
  'X-LIC-LOCATION:Europe/Brussels',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** What the feed reads of one planned item. */
export interface FeedEvent {
  /** Stable across reads, so that a calendar updates the event instead of adding one. */
  uid: string;
  firstName: string;
  lastName: string;
  channel: ContactChannel | null;
  date: string;
  /** 'HH:MM' Europe/Brussels; null: all day. */
  time: string | null;
  durationMinutes: number | null;
  place: string | null;
  updatedAt: Date;
}

/** A planned contact lasts this long in the calendar when no duration was given. */
export const DEFAULT_EVENT_MINUTES = 60;

/**
 * ical-generator writes a native Date given with a time zone by the Date's local fields (its
 * documented behaviour): the wall-clock time is given as a Date whose local fields are that
 * time, and the TZID says which zone it is in.
 */
function wallClock(date: string, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
}

export function calendarFeed(name: string, events: readonly FeedEvent[], stamp: Date): string {
  const calendar = ical({
    name,
    prodId: { company: 'Jobcoach', product: 'Agenda', language: 'FR' },
    timezone: { name: AGENDA_TIME_ZONE, generator: () => BRUSSELS_VTIMEZONE },
    ttl: 15 * 60,
  });
  for (const e of events) {
    const summary = feedSummary(
      e.firstName,
      e.lastName,
      e.channel ? CONTACT_CHANNEL_LABELS[e.channel] : 'Contact',
    );
    if (e.time === null) {
      calendar.createEvent({
        id: e.uid,
        allDay: true,
        start: wallClock(e.date, 0),
        end: wallClock(addDays(e.date, 1), 0),
        summary,
        location: e.place ?? null,
        stamp,
        lastModified: e.updatedAt,
        class: ICalEventClass.PRIVATE,
      });
      continue;
    }
    const start = minutesOfDay(e.time);
    const end = start + (e.durationMinutes ?? DEFAULT_EVENT_MINUTES);
    calendar.createEvent({
      id: e.uid,
      start: wallClock(e.date, start),
      end: wallClock(e.date, end),
      timezone: AGENDA_TIME_ZONE,
      summary,
      location: e.place ?? null,
      stamp,
      lastModified: e.updatedAt,
      class: ICalEventClass.PRIVATE,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

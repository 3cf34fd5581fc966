import { addMonths, type IsoDate } from './calendar.ts';

/**
 * Basin coordination (method.md §6): operators of one employment basin must not canvass the same
 * employers in competition, so each sees who else holds a relationship with an employer. A
 * relationship counts while it is recent: a direct contact within this many calendar months.
 */
export const BASIN_ACTIVITY_MONTHS = 6;

/** The first day of the period in which another operator's contact still shows. */
export function basinActivitySince(today: IsoDate): IsoDate {
  return addMonths(today, -BASIN_ACTIVITY_MONTHS);
}

/**
 * A request to present a candidate for another organisation's vacancy of the basin: the asking
 * organisation waits for the offering one to accept (then it presents its candidate through the
 * offering organisation's coach) or decline.
 */
export const BASIN_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type BasinRequestStatus = (typeof BASIN_REQUEST_STATUSES)[number];
export const BASIN_REQUEST_STATUS_LABELS: Record<BasinRequestStatus, string> = {
  pending: 'En attente de réponse',
  accepted: 'Acceptée',
  declined: 'Refusée',
};

/** Kinds of promoting organisation (organisme promoteur), method.md §1. */
export const ORGANISATION_KINDS = [
  'cpas',
  'oisp_cisp',
  'eft',
  'mission_regionale',
  'es_network',
  'union_centre',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Roles a user holds in one organisation. The installation-wide admin is a flag on the user. */
export const MEMBERSHIP_ROLES = ['coordinator', 'jobcoach', 'evaluator'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const MIN_PASSWORD_LENGTH = 12;

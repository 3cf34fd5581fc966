import type { ReferralInput } from '@jobcoach/contract';
import { compareDates, nissBirthDate } from '@jobcoach/domain';
import { AppError, invalid } from '../http/errors.ts';
import { assertNotFuture, type Db, frenchDate } from './common.ts';
import { assertCoach, assertPartner } from './queries.ts';
import { can, type Scope } from './scope.ts';

/** Birth date in the past, and consistent with the birth date a NISS encodes. */
export function checkIdentity(birthDate: string | null, niss: string | null, today: string) {
  if (birthDate) {
    assertNotFuture('birthDate', birthDate, today);
    if (compareDates(birthDate, '1900-01-01') < 0) throw invalid('birthDate', 'date de naissance invalide.');
  }
  const encoded = niss ? nissBirthDate(niss) : null;
  if (birthDate && encoded && encoded !== birthDate) {
    throw invalid(
      'niss',
      `ce numéro correspond à une naissance le ${frenchDate(encoded)}, pas le ${frenchDate(birthDate)} : vérifiez le numéro ou la date de naissance.`,
    );
  }
}

export type Referral = Required<Pick<ReferralInput, 'kind' | 'receivedOn'>> &
  Omit<ReferralInput, 'kind' | 'receivedOn'>;

/** A referral by a partner names one of the organisation's partners; dates are in the past. */
export async function checkReferral(db: Db, organisationId: string, referral: Referral, today: string) {
  assertNotFuture('referral.receivedOn', referral.receivedOn, today);
  assertNotFuture('referral.informationSessionOn', referral.informationSessionOn, today);
  assertNotFuture('referral.consentOn', referral.consentOn, today);
  if (referral.kind !== 'partner') return null;
  if (!referral.partnerId) {
    throw invalid(
      'referral.partnerId',
      'le partenaire est obligatoire pour une orientation par un partenaire.',
    );
  }
  await assertPartner(db, organisationId, referral.partnerId, 'referral.partnerId');
  return referral.partnerId;
}

/**
 * The coach a person gets. A coordinator may pick any active jobcoach of the organisation (or
 * none); a jobcoach may only name themselves. `undefined` keeps the current coach.
 */
export async function resolveCoach(
  db: Db,
  scope: Scope,
  requested: string | null | undefined,
  current: string | null,
) {
  if (requested === undefined || requested === current) return current;
  if (!can(scope, 'persons.assign') && requested !== scope.userId) {
    throw new AppError(
      403,
      'forbidden',
      'Seul·e un·e coordinateur·rice peut attribuer une personne à un·e autre jobcoach.',
      'coachId',
    );
  }
  if (requested !== null) await assertCoach(db, scope.organisationId, requested);
  return requested;
}

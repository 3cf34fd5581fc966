import type { Organisation } from '@jobcoach/contract';
import type { OrganisationKind } from '@jobcoach/domain';
import { isValidBce, normaliseBce } from '@jobcoach/domain';
import { required } from '../forms/validation.ts';
import type { Translate } from '../i18n/index.ts';

export type OrganisationValues = {
  name: string;
  kind: string;
  basinId: string;
  address: string;
  bce: string;
};

export const EMPTY_ORGANISATION: OrganisationValues = {
  name: '',
  kind: '',
  basinId: '',
  address: '',
  bce: '',
};

export function organisationValues(organisation: Organisation): OrganisationValues {
  return {
    name: organisation.name,
    kind: organisation.kind,
    basinId: organisation.basinId,
    address: organisation.address ?? '',
    bce: organisation.bce ?? '',
  };
}

export function checkOrganisation(values: OrganisationValues, t: Translate) {
  return {
    name: required(values.name, t),
    kind: required(values.kind, t),
    basinId: required(values.basinId, t),
    bce: values.bce.trim() === '' || isValidBce(values.bce) ? undefined : t('validation.bce'),
  };
}

/** The body of POST /api/organisations (and of `organisation` in POST /api/setup). */
export function organisationBody(values: OrganisationValues) {
  const address = values.address.trim();
  const bce = values.bce.trim();
  return {
    name: values.name.trim(),
    kind: values.kind as OrganisationKind,
    basinId: values.basinId,
    ...(address ? { address } : {}),
    ...(bce ? { bce: normaliseBce(bce) ?? bce } : {}),
  };
}

/** The changed fields only, for PATCH; a cleared address or BCE is sent as null. */
export function organisationChanges(values: OrganisationValues, before: OrganisationValues) {
  const body = organisationBody(values);
  const changes: Record<string, string | null> = {};
  if (body.name !== before.name) changes.name = body.name;
  if (body.kind !== before.kind) changes.kind = body.kind;
  if (body.basinId !== before.basinId) changes.basinId = body.basinId;
  if ((body.address ?? '') !== before.address) changes.address = body.address ?? null;
  if ((body.bce ?? '') !== (normaliseBce(before.bce) ?? before.bce)) changes.bce = body.bce ?? null;
  return changes;
}

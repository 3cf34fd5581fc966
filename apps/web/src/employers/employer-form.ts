import type {
  EmployerBody,
  EmployerFile,
  EmployerReferenceBody,
  EmployerSector,
  EmployerSizeClass,
  EmployerStatus,
} from '@jobcoach/contract';
import { formatBce, isValidBce, normaliseBce } from '@jobcoach/domain';
import { email } from '../forms/validation.ts';
import type { Translate } from '../i18n/index.ts';

// An employer's fields as form text ('' for unknown) and back. The reference person is four
// fields of the form and one object of the API.

export const EMPLOYER_FIELDS = [
  'name',
  'bce',
  'naceCode',
  'sizeClass',
  'sector',
  'address',
  'postcode',
  'commune',
  'referenceName',
  'referenceRole',
  'referencePhone',
  'referenceEmail',
  'status',
  'notes',
] as const;
export type EmployerField = (typeof EMPLOYER_FIELDS)[number];
export type EmployerValues = Record<EmployerField, string>;

const REFERENCE: readonly EmployerField[] = [
  'referenceName',
  'referenceRole',
  'referencePhone',
  'referenceEmail',
];

export const EMPTY_EMPLOYER: EmployerValues = {
  ...(Object.fromEntries(EMPLOYER_FIELDS.map((f) => [f, ''])) as EmployerValues),
  sector: 'private',
  status: 'prospect',
};

/** Server field names (`reference.name`…) → form fields, for errors placed next to the field. */
export const EMPLOYER_SERVER_FIELDS: Record<string, EmployerField> = {
  reference: 'referenceName',
  'reference.name': 'referenceName',
  'reference.role': 'referenceRole',
  'reference.phone': 'referencePhone',
  'reference.email': 'referenceEmail',
};

export function employerValues(file: EmployerFile): EmployerValues {
  return {
    name: file.name,
    bce: file.bce ? formatBce(file.bce) : '',
    naceCode: file.naceCode ?? '',
    sizeClass: file.sizeClass ?? '',
    sector: file.sector,
    address: file.address ?? '',
    postcode: file.postcode ?? '',
    commune: file.commune ?? '',
    referenceName: file.reference?.name ?? '',
    referenceRole: file.reference?.role ?? '',
    referencePhone: file.reference?.phone ?? '',
    referenceEmail: file.reference?.email ?? '',
    status: file.status,
    notes: file.ownNotes ?? file.notes ?? '',
  };
}

const text = (value: string) => value.trim() || null;

function reference(values: EmployerValues): EmployerReferenceBody | null {
  if (REFERENCE.every((f) => values[f].trim() === '')) return null;
  return {
    name: values.referenceName.trim(),
    role: text(values.referenceRole),
    phone: text(values.referencePhone),
    email: text(values.referenceEmail),
  };
}

export function employerInput(values: EmployerValues): EmployerBody {
  return {
    name: values.name.trim(),
    bce: values.bce.trim() ? normaliseBce(values.bce) : null,
    naceCode: text(values.naceCode),
    sizeClass: (text(values.sizeClass) as EmployerSizeClass | null) ?? null,
    sector: values.sector as EmployerSector,
    address: text(values.address),
    postcode: text(values.postcode),
    commune: text(values.commune),
    reference: reference(values),
    status: values.status as EmployerStatus,
    notes: text(values.notes),
  };
}

/** Only what differs from `base`, for a PATCH; the reference person goes whole. */
export function employerChanges(values: EmployerValues, base: EmployerValues): Partial<EmployerBody> {
  const all = employerInput(values);
  const changed = EMPLOYER_FIELDS.filter((f) => values[f] !== base[f]);
  const out: Partial<EmployerBody> = {};
  for (const field of changed) {
    if (REFERENCE.includes(field)) out.reference = all.reference ?? null;
    else (out as Record<string, unknown>)[field] = all[field as keyof EmployerBody];
  }
  return out;
}

/** The BCE number as it is typed: no complaint before 10 digits unless the field was left. */
export function bceError(value: string, t: Translate, finished = true): string | undefined {
  const digits = value.replace(/\D/g, '');
  if (value.trim() === '') return undefined;
  if (!finished && digits.length < 10) return undefined;
  return isValidBce(value) ? undefined : t('validation.bce');
}

export function checkEmployer(values: EmployerValues, t: Translate) {
  const anyReference = REFERENCE.some((f) => values[f].trim() !== '');
  return {
    name: values.name.trim() === '' ? t('validation.required') : undefined,
    bce: bceError(values.bce, t),
    postcode: /^(\d{4})?$/.test(values.postcode.trim()) ? undefined : t('employer.error.postcode'),
    referenceName:
      anyReference && values.referenceName.trim() === '' ? t('employer.error.referenceName') : undefined,
    referenceEmail: values.referenceEmail.trim() === '' ? undefined : email(values.referenceEmail, t),
  };
}

type ChangeTarget = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the employer's field groups need from a form built with `useForm`. */
export type EmployerBinding = {
  values: EmployerValues;
  input: (field: EmployerField) => {
    value: string;
    onChange: (event: React.ChangeEvent<ChangeTarget>) => void;
    error?: string | undefined;
  };
  set: (field: EmployerField, value: string) => void;
  errors: Partial<Record<EmployerField, string | undefined>>;
};

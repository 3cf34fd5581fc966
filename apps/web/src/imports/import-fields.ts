import type { ImportField } from '@jobcoach/contract';

/** The vacancy fields a column of the file can feed, in the server's order (labels `importField.<f>`). */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'title',
  'employerName',
  'employerBce',
  'employerCommune',
  'source',
  'sourceRef',
  'placeOfWork',
  'commune',
  'openings',
  'contractType',
  'contractMonths',
  'hoursPerWeek',
  'schedule',
  'sectorCode',
  'requirementsText',
  'diplomaLevel',
  'languages',
  'drivingLicence',
  'car',
  'experienceYears',
  'status',
  'openedOn',
  'closedOn',
];

/** Fields the file must give (the server says so too, as a mapping error). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'title',
  'employerName',
  'sourceRef',
  'contractType',
  'openedOn',
];

/**
 * The file as text: UTF-8, or Windows-1252 (Excel's « CSV » in Belgium) when UTF-8 does not fit.
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  return new TextDecoder('windows-1252').decode(bytes);
}

import type { Phase, TrajectoryState } from '@jobcoach/domain';
import type { HistoryEntity } from '../format.ts';
import type {
  ContractRow,
  EmployerContactRow,
  EmployerRow,
  EventRow,
  HistoryError,
  PersonContactRow,
  PersonRow,
} from '../rows.ts';

/** What the plan of an import holds; write.ts writes it as it is. */

export type Action = 'create' | 'update' | 'unchanged';

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Employers found in the basin's registry by BCE number (linked, not modified). */
  linked: number;
  /** Rows left out because a row they depend on has an error. */
  skipped: number;
  errors: number;
}

export interface Skipped {
  file: string;
  line: number;
  message: string;
}

export interface Planned<R> {
  row: R;
  id: string;
  action: Action;
}

export interface PlannedPerson {
  /** The row of persons.csv; null for a person of an earlier import to which events are added. */
  row: PersonRow | null;
  id: string;
  action: Action;
  coachId: string | null;
  partnerId: string | null;
  /** The trajectory after the imported events (new persons: replayed from intake). */
  state: TrajectoryState;
  /** An existing person to which new events are appended. */
  appended: boolean;
  /** Stored version of an existing person. */
  version: number | null;
}

export type PlannedEmployer = Planned<EmployerRow> & { matched: boolean };

export interface PlannedContract extends Planned<ContractRow> {
  personId: string;
  employerId: string;
  convertedFromId: string | null;
}

export interface PlannedEvent {
  row: EventRow;
  id: string;
  personId: string;
  from: Phase;
  to: Phase;
  fields: Record<string, unknown>;
  contractId: string | null;
  /** Order of the event among the person's events (for the timeline's `at`). */
  rank: number;
}

export type PlannedPersonContact = Planned<PersonContactRow> & { personId: string };

export type PlannedEmployerContact = Planned<EmployerContactRow> & {
  employerId: string;
  personId: string | null;
};

export interface Plan {
  errors: HistoryError[];
  skipped: Skipped[];
  counts: Record<HistoryEntity, EntityCounts>;
  /** Rows read in all the files. */
  total: number;
  partners: { id: string; name: string }[];
  employers: PlannedEmployer[];
  persons: PlannedPerson[];
  contracts: PlannedContract[];
  events: PlannedEvent[];
  personContacts: PlannedPersonContact[];
  employerContacts: PlannedEmployerContact[];
}

export interface PlanContext {
  organisationId: string;
  basinId: string;
  today: string;
}

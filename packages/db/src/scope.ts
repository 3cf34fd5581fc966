import {
  AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  type DeleteQueryNode,
  IdentifierNode,
  type InsertQueryNode,
  JoinNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
  ParensNode,
  PrimitiveValueListNode,
  type QueryResult,
  type RawNode,
  ReferenceNode,
  type RootOperationNode,
  type SelectQueryNode,
  TableNode,
  type UnknownRow,
  type UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  WhereNode,
} from 'kysely';
import type { Database } from './types.ts';

/**
 * The one place that scopes queries to an organisation (docs/architecture.md, "Scoping").
 *
 * Every table that holds an organisation's own rows carries `organisation_id`. A handle made by
 * `scopedTo(db, organisationId)` adds `<alias>.organisation_id = <organisation>` to every
 * reference to such a table in what it runs: FROM items and joins of selects (subqueries and CTEs
 * included), updates and deletes; it fills `organisation_id` on inserts and refuses one naming
 * another organisation, and it refuses an update that would move a row to another organisation.
 * Raw SQL text (`sql\`…\``) that reads such a table must state its own organisation condition: a
 * fragment that names one of these tables without `organisation_id` is refused, so a hand-written
 * subquery cannot read across organisations unnoticed.
 *
 * Queries that cross organisations on purpose (sign-in, the installation administrator, the
 * basin's shared registry, aggregated reports, retention) use the unscoped handle explicitly; the
 * server lists where (apps/server/test/scoping.test.ts).
 */
export const ORGANISATION_TABLES = [
  'absence',
  'audit_log',
  'basin_request',
  'calendar_feed',
  'coachability_assessment',
  'contact',
  'contact_person',
  'contract',
  'employer_note',
  'employment_period',
  'follow_up_arrangement',
  'history_import_key',
  'history_import_mapping',
  'history_import_row',
  'import_job',
  'invitation',
  'membership',
  'open_vacancies_stamp',
  'organisation_settings',
  'partner',
  'person',
  'person_consent',
  'person_document',
  'person_handoff',
  'planned_contact',
  'presentation',
  'presentation_step',
  'retention_run_organisation',
  'setup_checklist_dismissal',
  'trajectory_event',
  'vacancy',
] as const satisfies readonly (keyof Database)[];

export type OrganisationScopedTable = (typeof ORGANISATION_TABLES)[number];

const SCOPED = new Set<string>(ORGANISATION_TABLES);
const COLUMN = 'organisation_id';

/** A raw fragment that reads or writes one of the tables: FROM, JOIN, UPDATE, INTO followed by its name. */
const RAW_TABLE = new RegExp(
  `\\b(?:from|join|update|into)\\s+(?:public\\.)?"?(${ORGANISATION_TABLES.join('|')})"?(?![\\w.])`,
  'i',
);

export class ScopeViolation extends Error {
  constructor(message: string) {
    super(`organisation scope: ${message}`);
    this.name = 'ScopeViolation';
  }
}

function tableName(node: OperationNode): string | null {
  if (TableNode.is(node) && node.table.schema === undefined) return node.table.identifier.name;
  return null;
}

/** The name a FROM item or join target is referred to by, when it is a scoped table. */
function scopedReference(node: OperationNode): string | null {
  if (AliasNode.is(node)) {
    const table = tableName(node.node);
    if (table && SCOPED.has(table) && IdentifierNode.is(node.alias)) return node.alias.name;
    return null;
  }
  const table = tableName(node);
  return table && SCOPED.has(table) ? table : null;
}

class ScopeTransformer extends OperationNodeTransformer {
  readonly #organisationId: string;

  constructor(organisationId: string) {
    super();
    this.#organisationId = organisationId;
  }

  #condition(reference: string): OperationNode {
    return BinaryOperationNode.create(
      ReferenceNode.create(ColumnNode.create(COLUMN), TableNode.create(reference)),
      OperatorNode.create('='),
      ValueNode.create(this.#organisationId),
    );
  }

  #and(existing: OperationNode | undefined, conditions: OperationNode[]): OperationNode | undefined {
    const all = existing ? [ParensNode.create(existing), ...conditions] : conditions;
    return all.reduce<OperationNode | undefined>((acc, c) => (acc ? AndNode.create(acc, c) : c), undefined);
  }

  #where(where: WhereNode | undefined, items: readonly OperationNode[]): WhereNode | undefined {
    const conditions = items.map(scopedReference).flatMap((r) => (r ? [this.#condition(r)] : []));
    if (conditions.length === 0) return where;
    return WhereNode.create(this.#and(where?.where, conditions)!);
  }

  #joins(joins: readonly JoinNode[] | undefined): readonly JoinNode[] | undefined {
    return joins?.map((join) => {
      const reference = scopedReference(join.table);
      if (!reference) return join;
      const on = this.#and(join.on?.on, [this.#condition(reference)])!;
      // A join without ON (cross join) gets its condition as ON of an inner join.
      const type = join.joinType === 'CrossJoin' ? 'InnerJoin' : join.joinType;
      return JoinNode.createWithOn(type, join.table, on);
    });
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const t = super.transformSelectQuery(node);
    return Object.freeze({
      ...t,
      where: this.#where(t.where, t.from?.froms ?? []),
      joins: this.#joins(t.joins),
    });
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const t = super.transformUpdateQuery(node);
    for (const update of t.updates ?? []) {
      if (ColumnNode.is(update.column) && update.column.column.name === COLUMN) {
        throw new ScopeViolation('a row never moves to another organisation.');
      }
    }
    const items = [...(t.table ? [t.table] : []), ...(t.from?.froms ?? [])];
    return Object.freeze({ ...t, where: this.#where(t.where, items), joins: this.#joins(t.joins) });
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const t = super.transformDeleteQuery(node);
    const items = [...t.from.froms, ...(t.using?.tables ?? [])];
    return Object.freeze({ ...t, where: this.#where(t.where, items), joins: this.#joins(t.joins) });
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const t = super.transformInsertQuery(node);
    const table = t.into ? tableName(t.into) : null;
    if (!table || !SCOPED.has(table)) return t;
    const columns = t.columns ?? [];
    const index = columns.findIndex((c) => c.column.name === COLUMN);
    if (!t.values || !ValuesNode.is(t.values)) {
      // INSERT … SELECT: the select is scoped; it must say which organisation the rows go to.
      if (index < 0) throw new ScopeViolation(`an insert into ${table} must give ${COLUMN}.`);
      return t;
    }
    if (index >= 0) {
      for (const row of t.values.values) {
        const value = PrimitiveValueListNode.is(row)
          ? row.values[index]
          : ValueNode.is(row.values[index]!)
            ? (row.values[index] as ValueNode).value
            : Symbol('not a value');
        if (value !== this.#organisationId) {
          throw new ScopeViolation(`a row of ${table} is written for another organisation.`);
        }
      }
      return t;
    }
    const values = t.values.values.map((row) =>
      PrimitiveValueListNode.is(row)
        ? PrimitiveValueListNode.create([...row.values, this.#organisationId])
        : ValueListNode.create([...row.values, ValueNode.create(this.#organisationId)]),
    );
    return Object.freeze({
      ...t,
      columns: [...columns, ColumnNode.create(COLUMN)],
      values: ValuesNode.create(values),
    });
  }

  protected override transformRaw(node: RawNode): RawNode {
    const t = super.transformRaw(node);
    const text = t.sqlFragments.join(' ');
    const match = RAW_TABLE.exec(text);
    if (match && !text.includes(COLUMN)) {
      throw new ScopeViolation(
        `raw SQL reads ${match[1]} without an ${COLUMN} condition: use the query builder, or state the organisation.`,
      );
    }
    return t;
  }
}

/** The plugin behind `scopedTo`: every query run through it stays within one organisation. */
export class OrganisationScope implements KyselyPlugin {
  readonly #transformer: ScopeTransformer;

  constructor(readonly organisationId: string) {
    this.#transformer = new ScopeTransformer(organisationId);
  }

  transformQuery(args: { node: RootOperationNode }): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: { result: QueryResult<UnknownRow> }): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * The same database (or transaction: same connection) seen through one organisation. A
 * transaction opened on the scoped handle is scoped too.
 */
export function scopedTo<D extends Kysely<Database>>(db: D, organisationId: string): D {
  return db.withPlugin(new OrganisationScope(organisationId)) as D;
}

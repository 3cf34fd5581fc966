import { type PGlite, protocol, type Results, types } from '@electric-sql/pglite';

// Same JavaScript shapes as our pg setup: dates stay 'YYYY-MM-DD', bigint and numeric are numbers.
const parsers = {
  [types.DATE]: (v: string) => v,
  [types.INT8]: Number,
  [types.NUMERIC]: Number,
};

/**
 * A pg-Pool-shaped facade over one embedded PGlite instance, so that Kysely's PostgresDialect
 * drives PGlite exactly as it drives a PostgreSQL server. PGlite is a single session: a mutex
 * hands it to one borrower at a time, which keeps transactions from interleaving. Statements with
 * parameters are prepared once in the session (runPrepared).
 */
export class PGlitePool {
  #tail: Promise<void> = Promise.resolve();
  /** The statements prepared in the session, least recently used first. */
  readonly #prepared: PreparedStatements = { byText: new Map(), made: 0 };

  constructor(private readonly pglite: PGlite) {}

  async connect() {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const pglite = this.pglite;
    const prepared = this.#prepared;
    return {
      query: (sql: string, params: readonly unknown[] = []) =>
        params.length > 0 ? runPrepared(pglite, prepared, sql, params) : runQuery(pglite, sql),
      release: () => release(),
    };
  }

  /** Runs `fn` with the session to itself: no statement of anyone else runs meanwhile. */
  async exclusive<T>(fn: (pglite: PGlite) => Promise<T>): Promise<T> {
    const connection = await this.connect();
    try {
      return await fn(this.pglite);
    } finally {
      connection.release();
    }
  }

  async end() {
    await this.#tail;
    await this.pglite.close();
  }
}

/** A text without parameters, run as it is: it may hold several statements (migrations). */
async function runQuery(pglite: PGlite, sql: string) {
  const all = await pglite.exec(sql, { parsers });
  // The last statement's result is the answer.
  return shaped(all[all.length - 1] ?? { rows: [], fields: [] });
}

interface Prepared {
  name: string;
  parameterTypes: number[];
}

interface PreparedStatements {
  /** Text → statement; a Map keeps insertion order, and a statement used is moved to the end. */
  byText: Map<string, Prepared>;
  /** Statements made so far: names are never reused. */
  made: number;
}

/**
 * At most this many statements stay prepared: a text that varies with its values (an IN list of
 * some length) makes a statement of its own, and the least recently used one is closed.
 */
export const MAX_PREPARED = 200;

const { serialize } = protocol;

/** The protocol messages as one buffer: the session reads them in order, in one call. */
function messages(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A statement with parameters: parsed and described once in the session, then only bound and
 * executed, as the pg driver does with a named statement on a connection (PREPARED_MARK). PGlite's
 * own query() parses, describes and plans the text at every call, in five calls into the engine;
 * here a statement already prepared takes one, and PostgreSQL's plan cache plans it again only
 * while a plan for the values at hand beats a generic one (the first five executions, then as it
 * judges): for « Ma journée »'s statement the planning was about as long as the execution
 * (docs/performance.md). Values are serialised as query() serialises them. Each buffer ends with
 * Sync, so that an error leaves the session ready for the next statement.
 */
async function runPrepared(
  pglite: PGlite,
  prepared: PreparedStatements,
  text: string,
  params: readonly unknown[],
) {
  const statement = await preparedStatement(pglite, prepared, text);
  try {
    return await execute(pglite, statement, params);
  } catch (error) {
    // A table whose columns changed since (a migration) makes PostgreSQL refuse a prepared `*`
    // ("cached plan must not change result type"): prepared again, it reads the new columns.
    // Inside a transaction the error has aborted it: the caller sees it, the next call prepares.
    if ((error as { code?: string }).code !== '0A000') throw error;
    await forget(pglite, prepared, text);
    if (pglite.isInTransaction()) throw error;
    return execute(pglite, await preparedStatement(pglite, prepared, text), params);
  }
}

async function preparedStatement(pglite: PGlite, prepared: PreparedStatements, text: string) {
  const known = prepared.byText.get(text);
  if (known) {
    prepared.byText.delete(text);
    prepared.byText.set(text, known);
    return known;
  }
  if (prepared.byText.size >= MAX_PREPARED) {
    await forget(pglite, prepared, prepared.byText.keys().next().value!);
  }
  const name = `jc_statement_${++prepared.made}`;
  const described = await pglite.execProtocol(
    messages(
      serialize.parse({ name, text, types: [] }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ),
  );
  const parameters = described.messages.find((m) => m.name === 'parameterDescription') as
    | { dataTypeIDs: number[] }
    | undefined;
  const statement = { name, parameterTypes: parameters?.dataTypeIDs ?? [] };
  prepared.byText.set(text, statement);
  return statement;
}

async function forget(pglite: PGlite, prepared: PreparedStatements, text: string) {
  const statement = prepared.byText.get(text);
  if (!statement) return;
  prepared.byText.delete(text);
  await pglite.execProtocol(messages(serialize.close({ type: 'S', name: statement.name }), serialize.sync()));
}

async function execute(pglite: PGlite, statement: Prepared, params: readonly unknown[]) {
  const values = params.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serializer = pglite.serializers[statement.parameterTypes[i]!];
    return serializer ? serializer(value) : String(value);
  });
  const executed = await pglite.execProtocol(
    messages(
      serialize.bind({ statement: statement.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ),
  );
  return shaped(resultOf(executed.messages, pglite.parsers));
}

type Parser = (value: string, type: number) => unknown;

/**
 * The rows of one execution, as PGlite's parseResults gives them (each value through the type's
 * parser, ours first), each column's parser looked up once instead of once per value.
 */
function resultOf(
  messages: readonly { name: string }[],
  engineParsers: Record<number | string, Parser>,
): Results & { command: string } {
  let names: string[] = [];
  let types: number[] = [];
  let parse: (Parser | undefined)[] = [];
  const rows: Record<string, unknown>[] = [];
  let command = 'SELECT';
  let affectedRows = 0;
  for (const message of messages) {
    if (message.name === 'dataRow') {
      const values = (message as unknown as { fields: (string | null)[] }).fields;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const value = values[i] ?? null;
        const parser = parse[i];
        row[names[i]!] = value === null || !parser ? value : parser(value, types[i]!);
      }
      rows.push(row);
    } else if (message.name === 'rowDescription') {
      const fields = (message as unknown as { fields: { name: string; dataTypeID: number }[] }).fields;
      names = fields.map((f) => f.name);
      types = fields.map((f) => f.dataTypeID);
      parse = types.map((t) => (parsers as Record<number, Parser>)[t] ?? engineParsers[t]);
    } else if (message.name === 'commandComplete') {
      const words = (message as unknown as { text: string }).text.split(' ');
      command = words[0]!;
      if (CHANGES.has(command)) affectedRows = Number.parseInt(words[words.length - 1]!, 10);
    }
  }
  return { rows, fields: [], affectedRows, command };
}

const CHANGES = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

function shaped(result: Results) {
  const command = (result as { command?: string }).command ?? 'SELECT';
  return {
    command: command.toUpperCase(),
    rowCount: result.affectedRows ?? result.rows.length,
    rows: result.rows,
  };
}

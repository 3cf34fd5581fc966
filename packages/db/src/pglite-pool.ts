import { type PGlite, type Results, types } from '@electric-sql/pglite';

// Same JavaScript shapes as our pg setup: dates stay 'YYYY-MM-DD', bigint and numeric are numbers.
const parsers = {
  [types.DATE]: (v: string) => v,
  [types.INT8]: Number,
  [types.NUMERIC]: Number,
};

/**
 * A pg-Pool-shaped facade over one embedded PGlite instance, so that Kysely's PostgresDialect
 * drives PGlite exactly as it drives a PostgreSQL server. PGlite is a single session: a mutex
 * hands it to one borrower at a time, which keeps transactions from interleaving.
 */
export class PGlitePool {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect() {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const pglite = this.pglite;
    return {
      query: (sql: string, params: readonly unknown[] = []) => runQuery(pglite, sql, params),
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

async function runQuery(pglite: PGlite, sql: string, params: readonly unknown[]) {
  let result: Results;
  if (params.length === 0) {
    // exec runs several statements at once (migrations); the last result is the answer.
    const all = await pglite.exec(sql, { parsers });
    result = all[all.length - 1] ?? { rows: [], fields: [] };
  } else {
    result = await pglite.query(sql, params as unknown[], { parsers });
  }
  const command = (result as { command?: string }).command ?? 'SELECT';
  return {
    command: command.toUpperCase(),
    rowCount: result.affectedRows ?? result.rows.length,
    rows: result.rows,
  };
}

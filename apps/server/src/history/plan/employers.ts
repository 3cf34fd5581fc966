import { randomUUID } from 'node:crypto';
import { findInChunks, type Planner } from './planner.ts';
import type { PlannedEmployer } from './types.ts';

/** The basin's employers that have one of these BCE numbers: number → id. */
async function basinEmployersByBce(p: Planner, bces: string[]) {
  const found = await findInChunks(bces, (list) =>
    p.db
      .selectFrom('employer')
      .select(['id', 'bce'])
      .where('basin_id', '=', p.ctx.basinId)
      .where('bce', 'in', list)
      .execute(),
  );
  return new Map(found.map((f) => [f.bce!, f.id]));
}

/**
 * Employers: the mapping of an earlier import, else the basin's registry by BCE number (linked,
 * not modified), else a new employer. One employer per BCE number in the file.
 */
export async function planEmployers(p: Planner): Promise<PlannedEmployer[]> {
  const rows = p.rows.employers;
  const byBce = await basinEmployersByBce(
    p,
    rows.flatMap((r) => (r.values.bce ? [r.values.bce] : [])),
  );
  const employers: PlannedEmployer[] = [];
  const bceLine = new Map<string, number>();
  for (const row of rows) {
    const bce = row.values.bce;
    if (bce && bceLine.has(bce)) {
      p.fail(
        row,
        'bce',
        `le numéro ${bce} figure déjà à la ligne ${bceLine.get(bce)} : un employeur par numéro.`,
      );
      p.failed.employers.add(row.externalId);
      continue;
    }
    if (bce) bceLine.set(bce, row.line);
    const key = p.keys.employer.get(row.externalId);
    let employer: PlannedEmployer;
    if (key?.matched) {
      employer = { row, id: key.entityId, action: 'unchanged', matched: true };
      p.counts.employer.linked++;
    } else if (key) {
      employer = {
        row,
        id: key.entityId,
        action: key.hash === row.hash ? 'unchanged' : 'update',
        matched: false,
      };
      p.count('employer', employer.action);
    } else if (bce && byBce.has(bce)) {
      employer = { row, id: byBce.get(bce)!, action: 'create', matched: true };
      p.counts.employer.linked++;
    } else {
      employer = { row, id: randomUUID(), action: 'create', matched: false };
      p.count('employer', 'create');
    }
    employers.push(employer);
    p.planned.employers.set(row.externalId, employer.id);
  }
  return employers;
}

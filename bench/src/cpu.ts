import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuTicks(stat: string): number {
  // Fields after the command name (which may hold spaces, so cut at its closing parenthesis):
  // utime and stime are the 14th and 15th fields of the line, 12th and 13th after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU time (user + system) a process has used so far, ms; null where /proc cannot tell. */
export function processCpuMs(pid: number): number | null {
  try {
    return (cpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU time used so far by the PostgreSQL backends connected to this database (their process title
 * names it: "postgres: [<cluster>: ]<user> <database> <client> <state>"), ms; the machine may run
 * other databases' work at the same time, which is left out. Null when the database is on another
 * host or /proc cannot be read. Backends that ended since the last reading take their time with
 * them: the server's pool keeps its connections open during a measure.
 */
export function postgresCpuMs(databaseUrl: string): number | null {
  const url = new URL(databaseUrl);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(url.hostname)) return null;
  const name = decodeURIComponent(url.pathname.slice(1));
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (!title.startsWith('postgres: ') || !title.split(/[\s\0]+/).includes(name)) continue;
        ticks += cpuTicks(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      } catch {
        // The process ended while listing.
      }
    }
  } catch {
    return null;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

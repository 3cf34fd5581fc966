import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '@jobcoach/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.ts';
import { PILOT_EXPECTED, PILOT_FROM, PILOT_TO, seedPilot2002 } from './fixtures/pilot-2002.ts';
import { PASSWORD } from './helpers.ts';

// The built command line (bin/build.js, run by bin/jobcoach.js): it gives the same answers as the
// sources, finds the files the sources find (the migrations), and is never used once a source it
// was built from has changed.

const ROOT = join(import.meta.dirname, '..', '..', '..');
const temporary: string[] = [];

function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function run(launcher: string, args: string[], env: Record<string, string>, cwd = ROOT) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [launcher, ...args], {
      cwd,
      env: { ...process.env, DATABASE_URL: '', JOBCOACH_SOURCES: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const currentBuild = (buildDir: string) =>
  (JSON.parse(readFileSync(join(buildDir, 'current.json'), 'utf8')) as { dir: string }).dir;

describe('the built command line', () => {
  const launcher = join(ROOT, 'bin', 'jobcoach.js');
  const buildDir = tempDir('jobcoach-build-');

  it('answers help from a build it makes, then from the same build', async () => {
    const first = await run(launcher, ['help'], { JOBCOACH_BUILD_DIR: buildDir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Usage: jobcoach <command> [options]');
    const built = currentBuild(buildDir);
    expect(readdirSync(join(buildDir, built))).toContain('main.js');

    const again = await run(launcher, ['help'], { JOBCOACH_BUILD_DIR: buildDir });
    expect(again.stdout).toBe(first.stdout);
    expect(currentBuild(buildDir)).toBe(built);
  });

  it('migrates an embedded database and reports on it as the sources do', async () => {
    const dataDir = tempDir('jobcoach-build-data-');
    // The migrations are found from the build: the schema is made by the built code.
    const migrated = await run(launcher, ['migrate'], { JOBCOACH_BUILD_DIR: buildDir, DATA_DIR: dataDir });
    expect(migrated.stderr).toBe('');
    expect(migrated.stdout).toContain('Applied: 0001_foundation');
    const handle = await openDatabase({ dataDir, command: 'test' });
    try {
      expect(await migrate(handle.db)).toEqual([]);
      await seedPilot2002(handle.db, await hashPassword(PASSWORD));
    } finally {
      await handle.close();
    }

    const args = ['report', '--from', PILOT_FROM, '--to', PILOT_TO, '--format', 'json'];
    const env = { JOBCOACH_BUILD_DIR: buildDir, DATA_DIR: dataDir };
    const built = await run(launcher, args, env);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const report = JSON.parse(built.stdout);
    expect(report.organisations).toHaveLength(6);
    expect(report.headline).toEqual({
      employersContacted: PILOT_EXPECTED.employersContacted,
      personsCoached: PILOT_EXPECTED.personsCoached,
      contractsSigned: PILOT_EXPECTED.contractsSigned,
      cdi: PILOT_EXPECTED.cdi,
      cdd: PILOT_EXPECTED.cdd,
      otherContracts: PILOT_EXPECTED.otherContracts,
    });

    const fromSources = await run(launcher, args, { ...env, JOBCOACH_SOURCES: '1' });
    expect(fromSources.code).toBe(0);
    const { generatedAt: _a, ...sameAsSources } = JSON.parse(fromSources.stdout);
    const { generatedAt: _b, ...sameAsBuilt } = report;
    expect(sameAsBuilt).toEqual(sameAsSources);

    // The workbook's writer is loaded only for this format, from a chunk of its own.
    const out = join(tempDir('jobcoach-build-out-'), 'report.xlsx');
    const xlsx = await run(launcher, [...args.slice(0, -1), 'xlsx', '--out', out], env);
    expect(xlsx.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
  }, 600_000);
});

describe('the launcher', () => {
  // A project of its own: the launcher and its build script, and a command line of three files.
  const project = tempDir('jobcoach-launcher-');
  const cli = join(project, 'apps', 'server', 'src', 'cli');
  const launcher = join(project, 'bin', 'jobcoach.js');
  const buildDir = join(project, 'apps', 'server', 'dist');

  beforeAll(() => {
    mkdirSync(join(project, 'bin'));
    for (const file of ['jobcoach.js', 'build.js'])
      cpSync(join(ROOT, 'bin', file), join(project, 'bin', file));
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    writeFileSync(join(project, 'package.json'), '{ "type": "module", "workspaces": [] }\n');
    mkdirSync(cli, { recursive: true });
    writeFileSync(
      join(cli, 'main.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { join } from 'node:path';",
        "import { word } from './word.ts';",
        "const note = readFileSync(join(import.meta.dirname, 'note.txt'), 'utf8').trim();",
        "const { later } = await import('./later.ts');",
        'console.log(JSON.stringify({ word, note, later: later() }));',
        '',
      ].join('\n'),
    );
    writeFileSync(join(cli, 'later.ts'), "export const later = (): string => 'loaded later';\n");
    writeFileSync(join(cli, 'note.txt'), 'read beside the sources\n');
  });

  it('runs a changed source, never the build made before the change', async () => {
    writeFileSync(join(cli, 'word.ts'), "export const word: string = 'first';\n");
    const first = await run(launcher, [], {}, project);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({
      word: 'first',
      note: 'read beside the sources',
      later: 'loaded later',
    });
    const built = currentBuild(buildDir);
    expect((await run(launcher, [], {}, project)).stdout).toBe(first.stdout);
    expect(currentBuild(buildDir)).toBe(built);

    writeFileSync(join(cli, 'word.ts'), "export const word: string = 'second, edited';\n");
    const second = await run(launcher, [], {}, project);
    expect(JSON.parse(second.stdout).word).toBe('second, edited');
    expect(currentBuild(buildDir)).not.toBe(built);

    // Run from the sources on request: the same answer.
    const sources = await run(launcher, [], { JOBCOACH_SOURCES: '1' }, project);
    expect(sources.stdout).toBe(second.stdout);
  }, 180_000);
});

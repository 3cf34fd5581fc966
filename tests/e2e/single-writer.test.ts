import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jobcoach } from './support/cli.ts';
import { HttpSession, setUpInstallation } from './support/http.ts';
import { ROOT, startServer } from './support/server.ts';

const PASSWORD = 'correct horse battery staple';

/**
 * The command line and a running server on one embedded data directory: the command is refused,
 * in French, naming the server; nothing the server wrote is lost; once the server has stopped the
 * same command works, and the server finds its rows when it starts again.
 */
describe('one writer per embedded data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcoach-writer-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir };

  it('refuses the command line while the server runs, and never loses a row or an audit entry', async () => {
    const server = await startServer({ dataDir });
    let auditBefore: { id: string }[];
    try {
      expect((await setUpInstallation(server.url, server.setupLink()!, PASSWORD)).status).toBe(201);
      const admin = await HttpSession.login(server.url, 'admin@forma.example', PASSWORD);

      const commands = [
        ['import', '--org', 'FORMA Namur', join(ROOT, 'docs', 'import-sample')],
        ['migrate'],
        ['retention'],
        ['report', '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'json'],
        ['create-admin', '--email', 'second@forma.example', '--name', 'Second'],
        ['demo'],
      ];
      const results = await Promise.all(commands.map((args) => jobcoach(args, env)));
      for (const [i, { code, out }] of results.entries()) {
        const name = commands[i]![0];
        expect(code, `${name}: ${out}`).toBe(3);
        expect(out).toContain(`Le dossier de données ${dataDir} est déjà utilisé`);
        expect(out).toContain(`pid ${server.pid}`);
        expect(out).toContain(server.url);
        expect(out).not.toContain('Import terminé');
      }
      expect(results[0]!.out).toContain('Import de l’historique');

      // The server carries on, with everything it had; nothing was written behind its back.
      const persons = await admin.get('/api/persons');
      expect(persons.status).toBe(200);
      expect(persons.json.items ?? persons.json).toHaveLength(0);
      await admin.post('/api/auth/logout');
      const again = await HttpSession.login(server.url, 'admin@forma.example', PASSWORD);
      auditBefore = (await again.get('/api/audit?limit=1000')).json;
      expect(auditBefore.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }

    // Server stopped: the import now runs, on the same directory.
    const imported = await jobcoach(
      ['import', '--org', 'FORMA Namur', join(ROOT, 'docs', 'import-sample')],
      env,
    );
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toContain('Import terminé.');

    const restarted = await startServer({ dataDir });
    try {
      const admin = await HttpSession.login(restarted.url, 'admin@forma.example', PASSWORD);
      const persons = await admin.get('/api/persons');
      expect((persons.json.items ?? persons.json).length).toBeGreaterThan(0);
      const audit = (await admin.get('/api/audit?limit=1000')).json as { id: string; action: string }[];
      const ids = new Set(audit.map((a) => a.id));
      // Every entry written while the server ran is still there, and the import's own entry too.
      expect(auditBefore.filter((a) => !ids.has(a.id))).toEqual([]);
      expect(audit.some((a) => a.action === 'history_import_done')).toBe(true);
    } finally {
      await restarted.stop();
    }
  });
});

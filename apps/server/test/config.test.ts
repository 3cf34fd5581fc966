import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has safe defaults: port 3000 on the loopback, embedded data in ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, allowTestClock: false });
    expect(c.dataDir).toMatch(/data$/);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  });
  it('reads PORT, HOST, DATABASE_URL and DATA_DIR', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://x@h/db',
      DATA_DIR: '/srv/jc',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://x@h/db',
      dataDir: '/srv/jc',
    });
    expect(c.publicUrl).toBe('http://localhost:8080');
  });
  it('reads SMTP_URL and MAIL_FROM, and refuses one without the other or a URL of another kind', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined });
    const c = loadConfig({ SMTP_URL: 'smtp://u:p@mail.example:587', MAIL_FROM: 'Jobcoach <jc@example.be>' });
    expect(c).toMatchObject({ smtpUrl: 'smtp://u:p@mail.example:587', mailFrom: 'Jobcoach <jc@example.be>' });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'jc@example.be' })).toThrow(
      /SMTP_URL/,
    );
  });
  it('refuses a nonsensical port', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
  it('refuses the test clock outside tests', () => {
    expect(() => loadConfig({ JOBCOACH_TEST_CLOCK: 'true', NODE_ENV: 'production' })).toThrow(
      /refused outside tests/,
    );
    expect(loadConfig({ JOBCOACH_TEST_CLOCK: 'true', NODE_ENV: 'test' }).allowTestClock).toBe(true);
  });
});

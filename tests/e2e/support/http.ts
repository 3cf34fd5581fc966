/**
 * A logged-in HTTP client for tests that talk to a running server without a browser: keeps the
 * session cookie and sends the CSRF token on writes, as the web app does.
 */
export class HttpSession {
  private cookie = '';
  private csrf = '';
  constructor(readonly url: string) {}

  static async login(url: string, email: string, password: string): Promise<HttpSession> {
    const session = new HttpSession(url);
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jc_session='));
    session.cookie = cookie!.split(';')[0]!;
    session.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return session;
  }

  /** Another server of the same installation, with the same session (sessions live in the database). */
  on(url: string): HttpSession {
    const other = new HttpSession(url);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  async request(method: string, path: string, body?: unknown) {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: the tests read a few fields of the API's JSON.
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, headers: res.headers };
  }
  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown = {}) => this.request('POST', path, body);
}

/** Runs the first-run setup through a printed link; returns the administrator's e-mail. */
export async function setUpInstallation(url: string, link: string, password: string) {
  const token = new URL(link).searchParams.get('token');
  const status = (await (await fetch(`${url}/api/setup/status`)).json()) as {
    basins: { id: string; name: string }[];
  };
  const basinId = status.basins.find((b) => b.name === 'Namur')?.id;
  const res = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token,
      organisation: { name: 'FORMA Namur', kind: 'eft', basinId },
      admin: { name: 'Admin', email: 'admin@forma.example', password },
    }),
  });
  return { status: res.status, email: 'admin@forma.example' };
}

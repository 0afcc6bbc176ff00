import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { readAsSayIt, type SayitImport } from './sayit-import';

// The other side of a network boundary: SayIt's login and Akoma Ntoso import views as
// mysociety/sayit serves them (Django's auth login form; speeches/views.py AkomaNtosoImportView
// with speeches/forms.py AkomaNtosoImportForm; the user_in_instance check in instances/views.py):
// - GET /accounts/login/ shows the form with a hidden csrfmiddlewaretoken and sets the csrftoken
//   cookie; POST with username, password and the token: a redirect and a sessionid cookie, or
//   the form again with Django's error list; a missing or wrong token: 403.
// - GET /import/akomantoso without a session: a redirect to the login page with ?next=; with
//   one: the form (location, and existing_sections once the instance has sections).
// - POST /import/akomantoso: fetches `location` (SayIt's importer uses requests.get), imports;
//   success redirects home (the top-level sections listed); a bad location or a file that
//   cannot be imported shows the form again with "Sorry - something went wrong with the import".

export interface SayitSection {
  id: number;
  heading: string;
  doc: SayitImport;
}

export interface SayitRequest {
  method: string;
  path: string;
  body: string;
}

export class FakeSayit {
  readonly sections: SayitSection[] = [];
  /** Every request as it arrived, bodies included (the login's password among them). */
  readonly requests: SayitRequest[] = [];
  /** Each import POST: the fields the form received. */
  readonly imports: { location: string; existing: string | undefined; result: 'created' | 'replaced' | 'skipped' | 'merged' | 'failed' }[] = [];
  /** The next n requests answer 500 (Django's error page). */
  failNext = 0;
  /** A login page redesigned: the fields renamed. */
  loginShape: 'django' | 'changed' = 'django';
  private readonly sessions = new Set<string>();
  private server!: Server;
  base = '';

  constructor(readonly account = { username: 'po-bot', password: 'pässwörd-S3cret!' }) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.base);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, body });
    if (this.failNext > 0) {
      this.failNext--;
      return send(res, 500, '<h1>Server Error (500)</h1>');
    }
    const cookies = Object.fromEntries((req.headers.cookie ?? '').split(/;\s*/).filter(Boolean).map((c) => c.split('=') as [string, string]));
    const form = Object.fromEntries(new URLSearchParams(body));
    const csrfOk = () => cookies.csrftoken !== undefined && form.csrfmiddlewaretoken === cookies.csrftoken;
    const signedIn = cookies.sessionid !== undefined && this.sessions.has(cookies.sessionid);

    if (url.pathname === '/accounts/login/') {
      if (req.method === 'GET') return this.loginPage(res, cookies.csrftoken);
      if (!csrfOk()) return send(res, 403, '<h1>Forbidden (403)</h1><p>CSRF verification failed. Request aborted.</p>');
      if (form.username !== this.account.username || form.password !== this.account.password) {
        return this.loginPage(res, cookies.csrftoken, 'Please enter a correct username and password. Note that both fields may be case-sensitive.');
      }
      const session = randomBytes(16).toString('hex');
      this.sessions.add(session);
      res.setHeader('set-cookie', `sessionid=${session}; HttpOnly; Path=/`);
      return redirect(res, form.next || '/');
    }
    if (url.pathname === '/import/akomantoso') {
      if (!signedIn) return redirect(res, `/accounts/login/?next=${encodeURIComponent('/import/akomantoso')}`);
      if (req.method === 'GET') return this.importPage(res, cookies.csrftoken);
      if (!csrfOk()) return send(res, 403, '<h1>Forbidden (403)</h1><p>CSRF verification failed. Request aborted.</p>');
      return this.importFile(res, cookies.csrftoken, form.location ?? '', form.existing_sections);
    }
    if (url.pathname === '/') {
      const list = this.sections.map((s) => `<li><a href="/section-${s.id}">${escape(s.heading)}</a></li>`).join('');
      return send(res, 200, `<html><body><ul class="messages"><li>Created</li></ul><ul class="section-list">${list}</ul></body></html>`);
    }
    send(res, 404, '<h1>Not Found</h1>');
  }

  private token(res: ServerResponse, existing: string | undefined): string {
    if (existing) return existing;
    const t = randomBytes(16).toString('hex');
    res.setHeader('set-cookie', `csrftoken=${t}; Path=/; SameSite=Lax`);
    return t;
  }

  private loginPage(res: ServerResponse, csrf: string | undefined, error?: string): void {
    const t = this.token(res, csrf);
    const [user, pass] = this.loginShape === 'django' ? ['username', 'password'] : ['email', 'passphrase'];
    send(
      res,
      200,
      `<html><body><form method="post" action="/accounts/login/">` +
        `<input type='hidden' name='csrfmiddlewaretoken' value='${t}' />` +
        (error ? `<ul class="errorlist nonfield"><li>${escape(error)}</li></ul>` : '') +
        `<input type="text" name="${user}" id="id_${user}"><input type="password" name="${pass}" id="id_${pass}">` +
        `<input type="submit" value="Log in"></form></body></html>`,
    );
  }

  private importPage(res: ServerResponse, csrf: string | undefined, error?: string): void {
    const t = this.token(res, csrf);
    const existing = this.sections.length
      ? `<label>What would you like to do with existing top level sections?</label>` +
        ['skip', 'replace', 'merge'].map((v) => `<input type="radio" name="existing_sections" value="${v}">`).join('')
      : '';
    send(
      res,
      200,
      `<html><body><h1>Import speeches</h1><form method="post" action="/import/akomantoso">` +
        `<input type='hidden' name='csrfmiddlewaretoken' value='${t}' />` +
        (error ? `<ul class="errorlist"><li>${escape(error)}</li></ul>` : '') +
        `<input type="url" name="location" id="id_location">${existing}<input type="submit" value="Import"></form></body></html>`,
    );
  }

  private async importFile(res: ServerResponse, csrf: string | undefined, location: string, existing: string | undefined): Promise<void> {
    const fail = (why: string) => {
      this.imports.push({ location, existing, result: 'failed' });
      this.importPage(res, csrf, why);
    };
    if (!/^https?:\/\/\S+$/.test(location)) return fail('Enter a valid URL.');
    let doc: SayitImport;
    try {
      const r = await fetch(location);
      if (!r.ok) throw new Error(`GET ${location}: ${r.status}`);
      doc = readAsSayIt(await r.text());
    } catch {
      return fail('Sorry - something went wrong with the import');
    }
    // The form offers existing_sections only when the instance has sections; without a choice
    // SayIt's importer (clobber None) adds a second section of the same name.
    const same = this.sections.find((s) => s.heading === doc.heading);
    let result: 'created' | 'replaced' | 'skipped' | 'merged' = 'created';
    if (same && existing === 'replace') {
      same.doc = doc;
      result = 'replaced';
    } else if (same && existing === 'skip') result = 'skipped';
    else if (same && existing === 'merge') {
      same.doc = { ...same.doc, speeches: [...same.doc.speeches, ...doc.speeches] };
      result = 'merged';
    } else this.sections.push({ id: this.sections.length + 1, heading: doc.heading, doc });
    this.imports.push({ location, existing, result });
    redirect(res, '/');
  }
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { location: to });
  res.end();
}

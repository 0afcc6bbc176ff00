import type { SayitUploader } from '../core/minutes/sayit/sayit.port';
import { SayitUploadError } from '../core/minutes/sayit/sayit.port';

export interface SayitCredentials {
  username: string;
  password: string;
}

/** Cookies as a browser keeps them for one site: name → value, from every Set-Cookie seen. */
class CookieJar {
  private readonly jar = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      if (at > 0) this.jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  has(name: string): boolean {
    return this.jar.has(name);
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const TOKEN = [/name=["']csrfmiddlewaretoken["'][^>]*?value=["']([^"']+)["']/i, /value=["']([^"']+)["'][^>]*?name=["']csrfmiddlewaretoken["']/i];

function csrfToken(html: string): string | undefined {
  for (const re of TOKEN) {
    const m = re.exec(html);
    if (m) return m[1];
  }
  return undefined;
}

const hasField = (html: string, name: string) => new RegExp(`name=["']${name}["']`, 'i').test(html);

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const plain = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

/** The errors a Django form shows (`<ul class="errorlist">`), as one line. */
function formErrors(html: string): string {
  const lists = [...html.matchAll(/<ul class=["'][^"']*errorlist[^"']*["'][^>]*>([\s\S]*?)<\/ul>/gi)].map((m) => plain(m[1]!));
  return lists.filter(Boolean).join(' / ').slice(0, 300);
}

/**
 * SayIt's own pages, driven as a person (or the PDIS upload script, audreyt/archive.tw
 * upload.pl) drives them: Django's login form with its CSRF token and session cookie, then the
 * Akoma Ntoso import form (`/import/akomantoso`, mysociety/sayit AkomaNtosoImportView) with
 * `location=` the file's public URL and `existing_sections=replace`. Success is Django's
 * redirect after a valid form; a form shown again is a refusal, its error list the reason.
 * The credentials go only into the login POST's body: never into an error, a URL or a log.
 */
export function sayitClient(opts: { baseUrl: string; credentials: SayitCredentials; fetch?: typeof fetch; timeoutMs?: number }): SayitUploader {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;

  async function request(jar: CookieJar, path: string, init: { method?: string; form?: Record<string, string>; referer?: string } = {}): Promise<{ res: Response; body: string }> {
    const url = path.startsWith('http') ? path : base + path;
    const headers: Record<string, string> = {};
    const cookie = jar.header();
    if (cookie) headers.cookie = cookie;
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    // Django's CSRF check wants a same-site Referer on https.
    if (init.referer) headers.referer = init.referer;
    let res: Response;
    try {
      res = await doFetch(url, { method: init.method ?? 'GET', headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      throw new SayitUploadError('network', `${init.method ?? 'GET'} ${new URL(url).pathname}: ${cause}`);
    }
    jar.take(res);
    const body = await res.text();
    if (res.status >= 500) throw new SayitUploadError(`http-${res.status}`, `${init.method ?? 'GET'} ${new URL(url).pathname} answered ${res.status}`);
    return { res, body };
  }

  return {
    baseUrl: base,
    async upload({ location, heading }) {
      const jar = new CookieJar();
      const loginPath = '/accounts/login/';
      const page = await request(jar, loginPath);
      const loginToken = csrfToken(page.body);
      if (page.res.status !== 200 || !loginToken || !hasField(page.body, 'username') || !hasField(page.body, 'password')) {
        throw new SayitUploadError('login-form-changed', `the login page (${loginPath}, ${page.res.status}) has no username/password form with a CSRF token`);
      }
      const login = await request(jar, loginPath, {
        method: 'POST',
        referer: base + loginPath,
        form: { username: opts.credentials.username, password: opts.credentials.password, csrfmiddlewaretoken: loginToken, next: '/import/akomantoso' },
      });
      if (login.res.status === 403) throw new SayitUploadError('csrf-refused', 'the login form was refused (403: CSRF)');
      if (!(login.res.status >= 300 && login.res.status < 400) || !jar.has('sessionid')) {
        throw new SayitUploadError('login-refused', `login refused (${login.res.status})${formErrors(login.body) ? `: ${formErrors(login.body)}` : ''}`);
      }
      const form = await request(jar, '/import/akomantoso');
      if (form.res.status >= 300 && form.res.status < 400) throw new SayitUploadError('not-allowed', 'the account may not import into this SayIt instance (sent back to the login page)');
      const importToken = csrfToken(form.body);
      if (form.res.status !== 200 || !importToken || !hasField(form.body, 'location')) {
        throw new SayitUploadError('import-form-changed', `the import page (/import/akomantoso, ${form.res.status}) has no location field with a CSRF token`);
      }
      const done = await request(jar, '/import/akomantoso', {
        method: 'POST',
        referer: `${base}/import/akomantoso`,
        form: { location, existing_sections: 'replace', csrfmiddlewaretoken: importToken },
      });
      if (done.res.status === 403) throw new SayitUploadError('csrf-refused', 'the import form was refused (403: CSRF)');
      if (!(done.res.status >= 300 && done.res.status < 400)) {
        throw new SayitUploadError('import-refused', `SayIt did not import the file (${done.res.status})${formErrors(done.body) ? `: ${formErrors(done.body)}` : ''}`);
      }
      // Django sends the browser home, where the top-level sections are listed: find ours.
      const home = await request(jar, new URL(done.res.headers.get('location') ?? '/', base + '/').toString());
      const wanted = heading.replace(/\s+/g, ' ').trim();
      for (const m of home.body.matchAll(/<a\s[^>]*href=["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
        if (plain(m[2]!) === wanted) return { sectionUrl: new URL(decodeEntities(m[1]!), base + '/').toString() };
      }
      return { sectionUrl: null };
    },
  };
}

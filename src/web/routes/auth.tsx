import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { WebContext, WebEnv } from '../context';
import { TOKEN_TTL_MS } from '../auth/tokens';
import { Layout } from '../views/layout';
import { html, problem } from '../respond';

export const SESSION_COOKIE = 'po_session';

/**
 * Secure cookies when people reach the site over https: the base URL says so, or, only when
 * the operator says a proxy sets it (web.trustProxy), the first X-Forwarded-Proto value (the
 * one the client's own connection used; later proxies append theirs).
 */
function secure(c: WebContext): boolean {
  const p = c.var.page;
  if ((p.deps.app.web.baseUrl() ?? '').startsWith('https://') || c.req.url.startsWith('https://')) return true;
  if (!p.deps.app.config.web.trustProxy) return false;
  const first = (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase();
  return first === 'https';
}

/**
 * Whether a POST came from this site's own pages: a browser names the page's origin (Origin)
 * and whether it is this site (Sec-Fetch-Site). Either, when sent, must say this site; a
 * request with neither is not from a browser's form (a script or curl) and cannot forge one.
 * This is what stops another site signing a visitor in as someone else (login CSRF).
 */
export function sameSite(c: WebContext): boolean {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (a sandboxed frame, a privacy redirect)
  }
  const base = c.var.page.deps.app.web.baseUrl();
  return host === c.req.header('host') || (base !== undefined && host === new URL(base).host);
}

/** The confirmation page a sign-in link opens: the link alone signs no one in; its button does. */
function Confirm(props: { c: WebContext; token: string; name: string }) {
  const p = props.c.var.page;
  const { t } = p;
  return (
    <Layout p={p} title={t('web.signInTitle')}>
      <p>{t('web.signInAs', { name: props.name })}</p>
      <form method="post" action="/signin">
        <input type="hidden" name="t" value={props.token} />
        <button type="submit">{t('web.signInButton')}</button>
      </form>
      <p class="note">{t('web.signInOnce')}</p>
    </Layout>
  );
}

export function authRoutes(app: Hono<WebEnv>): void {
  const invalid = (c: WebContext) => problem(c, 403, c.var.page.t('web.linkInvalidTitle'), c.var.page.t('web.linkInvalid'));

  // The personal link from /web shows who it signs in and a button; nothing is changed yet, so
  // a link planted on another site (or fetched by a chat's link preview) uses nothing up.
  app.get('/signin', (c) => {
    const p = c.var.page;
    const token = c.req.query('t');
    const claims = p.deps.app.web.checkLink(token, p.now);
    const user = claims ? p.services.people.get(claims.userId) : undefined;
    if (!claims || !user) return invalid(c);
    c.header('cache-control', 'no-store');
    return html(c, <Confirm c={c} token={token!} name={user.name} />);
  });

  // The button: uses the link up and starts a session, then goes to the overview, so the token
  // leaves the address bar (and the history) at once.
  app.post('/signin', async (c) => {
    const p = c.var.page;
    if (!sameSite(c)) return problem(c, 403, p.t('web.forbiddenTitle'), p.t('web.crossSite'));
    const form = await c.req.parseBody();
    const token = typeof form.t === 'string' ? form.t : undefined;
    const { web } = p.deps.app;
    const claims = web.useLink(token, p.now);
    const user = claims ? p.services.people.get(claims.userId) : undefined;
    if (!user) return invalid(c);
    const session = web.session(user.id, p.now);
    // Max-Age, not Expires: the expiry is counted on the bot's clock (BOT_NOW may be far from
    // the browser's), and a relative lifetime means the same week to both.
    setCookie(c, SESSION_COOKIE, session.value, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: TOKEN_TTL_MS / 1000 });
    c.header('cache-control', 'no-store');
    return c.redirect('/', 303);
  });

  // Ends every session of the person signed in (the cookie alone would keep working otherwise).
  app.post('/signout', (c) => {
    const p = c.var.page;
    if (!sameSite(c)) return problem(c, 403, p.t('web.forbiddenTitle'), p.t('web.crossSite'));
    if (p.viewer) p.deps.app.web.endSessions(p.viewer.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    return c.redirect('/', 303);
  });
}

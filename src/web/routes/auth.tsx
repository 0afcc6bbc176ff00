import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { WebEnv } from '../context';
import { problem } from '../respond';

export const SESSION_COOKIE = 'po_session';

/** Secure cookies when people reach the site over https (the base URL says so, or the proxy does). */
function secure(url: string, forwardedProto: string | undefined, baseUrl: string | undefined): boolean {
  return (baseUrl ?? '').startsWith('https://') || forwardedProto === 'https' || url.startsWith('https://');
}

export function authRoutes(app: Hono<WebEnv>): void {
  // The personal link from /web: a valid one starts a session and goes to the overview, so the
  // token leaves the address bar (and the history) at once; anything else shows nothing internal.
  app.get('/signin', (c) => {
    const p = c.var.page;
    const { web } = p.deps.app;
    const claims = web.verifyLink(c.req.query('t'), p.now);
    const user = claims ? p.services.people.get(claims.userId) : undefined;
    if (!claims || !user) return problem(c, 403, p.t('web.linkInvalidTitle'), p.t('web.linkInvalid'));
    const session = web.session(user.id, p.now);
    setCookie(c, SESSION_COOKIE, session.value, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c.req.url, c.req.header('x-forwarded-proto'), web.baseUrl()),
      expires: session.expiresAt,
    });
    c.header('cache-control', 'no-store');
    return c.redirect('/', 303);
  });

  app.post('/signout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });
}

import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { getRequestListener } from '@hono/node-server';
import type { RequestListener } from '../http/http-server';
import { pageCtx, type WebDeps, type WebEnv } from './context';
import { SITE_CSS } from './views/site.css';
import { notFound, problem } from './respond';
import { authRoutes, SESSION_COOKIE } from './routes/auth';
import { overviewRoutes } from './routes/overview';
import { casesRoutes } from './routes/cases';
import { sopRoutes } from './routes/sop';
import { meetingsRoutes } from './routes/meetings';
import { agenciesRoutes } from './routes/agencies';
import { issuesRoutes } from './routes/issues';
import { feedRoutes } from './routes/feeds';
import { speakersRoutes } from './routes/speakers';
import { searchRoutes } from './routes/search';

/**
 * The network's record as web pages on the bot's HTTP port: server-rendered HTML (Hono's JSX,
 * which escapes every value), no scripts, a strict Content-Security-Policy, and the same data
 * as JSON under /api. Loaded only when PORT is set (main.ts imports it on demand).
 */
export function buildWebApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with the sign-in and
      // sign-out forms, and the same-site check (routes/auth.tsx) refuses them; other sites still get no referrer.
      referrerPolicy: 'same-origin',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use('*', async (c, next) => {
    const now = deps.clock.now();
    const claims = deps.app.web.verifySession(getCookie(c, SESSION_COOKIE), now);
    const viewer = claims ? deps.app.bot.services.people.get(claims.userId) : undefined;
    c.set('page', pageCtx(deps, viewer, new URL(c.req.url).origin));
    const writes = c.req.method === 'POST' && (c.req.path === '/signout' || c.req.path === '/signin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !writes) {
      c.header('allow', 'GET, HEAD');
      return problem(c, 405, c.var.page.t('web.badRequestTitle'), c.var.page.t('web.methodNotAllowed'));
    }
    await next();
    // What a page shows depends on who is signed in: caches must not hand one person's page to another.
    c.header('vary', 'Cookie');
    if (!c.res.headers.has('cache-control')) c.header('cache-control', viewer ? 'private, no-store' : 'no-cache');
  });
  app.get('/assets/site.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(SITE_CSS);
  });
  authRoutes(app);
  overviewRoutes(app);
  casesRoutes(app);
  sopRoutes(app);
  meetingsRoutes(app);
  agenciesRoutes(app);
  issuesRoutes(app);
  feedRoutes(app);
  speakersRoutes(app);
  searchRoutes(app);
  app.notFound((c) => notFound(c as never));
  app.onError((e, c) => {
    deps.logger.error({ err: e, path: c.req.path }, 'web page failed');
    return c.text('internal error', 500);
  });
  return app;
}

/** The pages as a listener for the bot's one HTTP server. */
export function webListener(deps: WebDeps): RequestListener {
  return getRequestListener(buildWebApp(deps).fetch) as RequestListener;
}

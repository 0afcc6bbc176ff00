import type { Child } from 'hono/jsx';
import type { WebSection } from '../config/web.schema';
import type { Hono } from 'hono';
import type { PageCtx, WebContext, WebEnv } from './context';

export type WebCtx = WebContext;
import { Message } from './views/layout';

type Status = 200 | 400 | 403 | 404 | 405 | 500;

/** An HTML page with its doctype. */
export async function html(c: WebContext, el: Child, status: Status = 200): Promise<Response> {
  return c.html('<!doctype html>\n' + (await (el as { toString(): string | Promise<string> }).toString()), status);
}

/** A clear answer for a request the site cannot serve: a short page, or JSON under /api. */
export function problem(c: WebContext, status: Exclude<Status, 200>, title: string, text: string, hint = false): Promise<Response> | Response {
  if (c.req.path.startsWith('/api/')) return c.json({ error: text }, status);
  return html(c, <Message p={c.var.page} title={title} text={text} hint={hint} />, status);
}

export function notFound(c: WebContext) {
  const { t } = c.var.page;
  return problem(c, 404, t('web.notFoundTitle'), t('web.notFound'));
}

/** Undefined when the viewer may see the section, else the sign-in page (403). */
export function denied(c: WebContext, section: WebSection) {
  if (c.var.page.can(section)) return undefined;
  const { t } = c.var.page;
  return problem(c, 403, t('web.forbiddenTitle'), t('web.forbidden'), true);
}

/** `?page=N` (default 1); undefined when it is not a whole number from 1. */
export function pageParam(c: WebContext): number | undefined {
  const raw = c.req.query('page');
  if (raw === undefined || raw === '') return 1;
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
}

export function badPage(c: WebContext) {
  const { t } = c.var.page;
  return problem(c, 400, t('web.badRequestTitle'), t('web.badPage'));
}

/** A record number in the path: a positive whole number, else undefined. */
export function idParam(raw: string | undefined): number | undefined {
  return raw !== undefined && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : undefined;
}

/** Thrown by a loader to answer at once (a bad page number, a missing record). */
export class Stop {
  constructor(readonly res: Response | Promise<Response>) {}
}

/** `?page=N`, or a 400 answer. */
export function needPage(c: WebContext): number {
  const page = pageParam(c);
  if (page === undefined) throw new Stop(badPage(c));
  return page;
}

/** A positive record number from the path, or a 400 answer. */
export function needNumber(c: WebContext, name: string): number {
  const n = idParam(c.req.param(name));
  const { t } = c.var.page;
  if (n === undefined) throw new Stop(problem(c, 400, t('web.badRequestTitle'), t('web.badNumber')));
  return n;
}

/** The record, or a 404 answer. */
export function found<T>(c: WebContext, x: T | undefined): T {
  if (x === undefined) throw new Stop(notFound(c));
  return x;
}

/** Checks the section, loads the data, answers; a Stop thrown on the way is the answer. */
export function answer<T>(c: WebContext, section: WebSection | undefined, load: () => T, out: (data: T) => Response | Promise<Response>) {
  const stop = section ? denied(c, section) : undefined;
  if (stop) return stop;
  try {
    return out(load());
  } catch (e) {
    if (e instanceof Stop) return e.res;
    throw e;
  }
}

/**
 * A page and its JSON twin under /api: one loader, two renderings of the same data, so the
 * open-data answer can never show more than the page does.
 */
export function twin<T>(
  app: Hono<WebEnv>,
  path: string,
  section: WebSection | undefined,
  load: (c: WebContext) => T,
  views: { html(c: WebContext, data: T): Response | Promise<Response>; json(p: PageCtx, data: T): unknown },
  apiPath = `/api${path}`,
): void {
  app.get(path, (c) => answer(c, section, () => load(c), (d) => views.html(c, d)));
  app.get(apiPath, (c) => answer(c, section, () => load(c), (d) => c.json(views.json(c.var.page, d))));
}

import type { Child } from 'hono/jsx';
import type { WebSection } from '../config/web.schema';
import type { WebContext } from './context';

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

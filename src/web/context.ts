import type { Context as HonoContext } from 'hono';
import type { App } from '../app';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { Services } from '../core/feature';
import type { Locale, Translate } from '../i18n/catalog';
import { translator } from '../i18n/catalog';
import type { WebSection } from '../config/web.schema';
import type { User } from '../core/records';
import { visibility, type Visibility } from './visibility';
import { isoLocal } from '../core/reports/export-data';

export interface WebDeps {
  app: Pick<App, 'bot' | 'store' | 'config' | 'meetings' | 'casework' | 'web'>;
  clock: Clock;
  logger: Logger;
}

/** What every page is rendered with: the core's view context plus who is looking. */
export interface PageCtx {
  now: Date;
  locale: Locale;
  t: Translate;
  services: Services;
  deps: WebDeps;
  viewer: User | undefined;
  /** Whether this viewer may see a section: signed-in people see everything. */
  can(section: WebSection): boolean;
  /** The one visibility rule, for content finer than a section (recorded content, items, timeline entries). */
  sees: Visibility;
  /** Absolute URL of a path on this site (feeds and calendars need them). */
  absolute(path: string): string;
  /** An instant as the API and the pages' datetime attributes write it: in the network's zone, like the exports (2026-12-04T10:00:00.000+08:00). */
  iso(d: Date): string;
}

export type WebEnv = { Variables: { page: PageCtx } };
export type WebContext = HonoContext<WebEnv>;

export function pageCtx(deps: WebDeps, viewer: User | undefined, origin: string): PageCtx {
  const { config, bot } = deps.app;
  const open = new Set<WebSection>(config.web.public);
  const base = deps.app.web.baseUrl() ?? origin;
  const sees = visibility(bot.services, viewer !== undefined, open);
  return {
    now: deps.clock.now(),
    locale: config.locale,
    t: translator(config.locale),
    services: bot.services,
    deps,
    viewer,
    can: sees.section,
    sees,
    absolute: (path) => base + path,
    iso: (d) => isoLocal(d, bot.services.settings.timezone)!,
  };
}

export const PAGE_SIZE = 50;

import type { Services } from './feature';
import type { Span } from './types';
import type { Translate } from '../i18n/catalog';

/**
 * A line pointing to the record's web page, when the pages have a public address (web.baseUrl
 * or PUBLIC_URL); nothing otherwise. `path` is the page's path, e.g. `/cases/3`.
 */
export function pageLink(services: Services, t: Translate, path: string): Span[] {
  const base = services.settings.webBaseUrl;
  if (!base) return [];
  const url = base + path;
  return ['\n', t('web.pageLink'), { link: url, text: url }];
}

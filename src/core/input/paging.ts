import { UserError } from '../errors';
import type { Translate } from '../../i18n/catalog';

/** `top 2` → { rest: 'top', page: 2 }; a lone `2` is page 2; no number is page 1. */
export function splitPage(args: string): { rest: string; page: number } {
  const m = /^(.*?)(?:^|\s+)(?:p(?:age)?\s*|第\s*)?(\d{1,4})(?:\s*頁)?$/i.exec(args.trim().normalize('NFKC'));
  if (!m) return { rest: args.trim(), page: 1 };
  return { rest: m[1]!.trim(), page: Number(m[2]) };
}

export interface Page<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of a list; a page past the end is refused (page 1 of an empty list is just empty). */
export function pageOf<T>(all: readonly T[], page: number, size: number): Page<T> {
  return checkPage(all.length, page, size, (from) => all.slice(from, from + size));
}

/** The same for a list the store pages itself: `load(offset)` returns the page's rows. */
export function checkPage<T>(total: number, page: number, size: number, load: (offset: number) => T[]): Page<T> {
  const pages = Math.max(1, Math.ceil(total / size));
  if (page < 1 || page > pages) throw new UserError('common.noSuchPage', { page, pages });
  return { rows: load((page - 1) * size), page, pages, total };
}

/** `第 1/3 頁，共 45 筆。下一頁：/issues top 2`, or nothing when everything fits on one page. */
export function pageFooter(t: Translate, p: Page<unknown>, command: string): string | undefined {
  if (p.pages <= 1) return undefined;
  const next = p.page < p.pages ? `${command} ${p.page + 1}`.replace(/\s+/g, ' ') : '';
  return t('common.pageFooter', { page: p.page, pages: p.pages, total: p.total, next });
}

import type { Command, Context } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { isProblem, parseQuery, type QueryProblem } from './search-query';
import { MEMBER_SCOPE, search } from './search';
import { kindLabel } from './search-labels';

/** Results per kind in a chat answer: the web page has the rest. */
const CHAT_LIMIT = 3;

export function problemError(p: QueryProblem): UserError {
  switch (p.problem) {
    case 'empty':
      return new UserError('search.usage', undefined);
    case 'tooLong':
      return new UserError('search.tooLong', { max: p.max });
    case 'tooManyTerms':
      return new UserError('search.tooManyTerms', { max: p.max });
  }
}

/** /search <words>: what the record holds about them, grouped by kind, each with its page. */
export const searchCommand: Command = {
  name: 'search',
  description: 'search.helpSearch',
  handle(ctx: Context, args: string) {
    const q = parseQuery(args);
    if (isProblem(q)) throw problemError(q);
    const groups = search(ctx.services, ctx.locale, MEMBER_SCOPE, q, { limit: CHAT_LIMIT });
    if (!groups.length) return { type: 'reply', message: { text: [ctx.t('search.none', { q: q.text })] }, private: true };
    const base = ctx.services.settings.webBaseUrl;
    const text: Span[] = [{ bold: ctx.t('search.header', { q: q.text }) }];
    let more = false;
    for (const g of groups) {
      text.push('\n', { bold: kindLabel(ctx.t, g.kind) });
      for (const r of g.results) {
        text.push('\n• ', base && r.path ? { link: base + r.path, text: r.title } : r.title, '\n  ');
        for (const part of r.snippet) text.push(part.hit ? { bold: part.text } : part.text);
      }
      if (g.more) {
        more = true;
        text.push('\n', ctx.t('search.more'));
      }
    }
    if (more && base) {
      const url = `${base}/search?q=${encodeURIComponent(q.text)}`;
      text.push('\n', ctx.t('search.moreOnWeb'), { link: url, text: url });
    }
    return { type: 'reply', message: { text }, private: true };
  },
};

import type { Command } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { isClosed, matchStage, stageLabel, stageList } from './case-stages';
import { isOverdue } from './case-dates';
import { caseLine } from './case-view';
import type { CaseworkSettings } from './casework.settings';
import { pageFooter, pageOf, splitPage } from '../input/paging';

const LIMIT = 20;
const ALL = new Set(['all', '全部']);
const OVERDUE = new Set(['overdue', '逾期']);

/** /cases [stage|all|overdue]: open cases by default, overdue ones flagged ⚠️. */
export function casesListCommand(s: CaseworkSettings): Command {
  return {
    name: 'cases',
    description: 'cases.helpCases',
    handle(ctx, args) {
      const { rest, page } = splitPage(args);
      const q = rest.toLowerCase();
      const tz = ctx.services.settings.timezone;
      const all = ctx.services.store.cases.list();
      let rows = all.filter((c) => !isClosed(c, s));
      let header: string = ctx.t('cases.listHeaderOpen');
      // With no case at all, how to make one; else what the filter found none of.
      let empty: string = all.length ? ctx.t('cases.listEmptyOpen') : ctx.t('cases.listEmpty');
      if (ALL.has(q)) {
        rows = all;
        header = ctx.t('cases.listHeaderAll');
        empty = ctx.t('cases.listEmpty');
      } else if (OVERDUE.has(q)) {
        rows = rows.filter((c) => isOverdue(c, ctx.now, tz, s));
        header = ctx.t('cases.listHeaderOverdue');
        empty = ctx.t('cases.listEmptyOverdue');
      } else if (q) {
        const st = matchStage(q, s);
        if (!st) throw new UserError('cases.unknownStage', { stage: q.slice(0, 40), list: stageList(s, ctx.locale) });
        rows = all.filter((c) => c.stage === st.id);
        header = ctx.t('cases.listHeaderStage', { stage: stageLabel(st.id, s, ctx.locale) });
        empty = ctx.t('cases.listEmptyStage', { stage: stageLabel(st.id, s, ctx.locale) });
      }
      if (!rows.length) return { type: 'reply', message: { text: [empty] }, private: true };
      const overdue = rows.filter((c) => isOverdue(c, ctx.now, tz, s)).length;
      const text: Span[] = [{ bold: header }];
      const p = pageOf(rows, page, LIMIT);
      for (const c of p.rows) text.push('\n', ...caseLine(c, ctx, s));
      text.push('\n', ctx.t('cases.listSummary', { n: rows.length, overdue }));
      const footer = pageFooter(ctx.t, p, `/cases ${q}`);
      if (footer) text.push('\n', footer);
      return { type: 'reply', message: { text } };
    },
  };
}

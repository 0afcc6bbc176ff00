import type { Context } from '../feature';
import type { IssueEvent } from '../records';
import type { Span } from '../types';
import { formatDateTime } from '../../i18n/format-date';
import { changedFields, fieldNames } from './issue-fields';

/** One dated line per edit or merge, for /issue N: who, when, and what changed (old → new title). */
export function historyLines(ctx: Context, events: readonly IssueEvent[]): Span[] {
  if (!events.length) return [];
  const text: Span[] = ['\n', { bold: ctx.t('issues.history') }];
  for (const e of events) {
    const who = e.actorId === null ? '?' : (ctx.services.people.get(e.actorId)?.name ?? '?');
    text.push('\n', ctx.t('issues.historyLine', { when: formatDateTime(e.at, ctx.locale, ctx.services.settings.timezone), who }), describe(ctx, e));
  }
  return text;
}

function describe(ctx: Context, e: IssueEvent): string {
  const d = e.detail;
  switch (d.kind) {
    case 'edited': {
      const fields = changedFields(d.from, d.to);
      if (fields.includes('title')) {
        const rest = fields.filter((f) => f !== 'title');
        const title = ctx.t('issues.historyEditTitle', { from: d.from.title, to: d.to.title });
        return rest.length ? title + ctx.t('common.separator') + ctx.t('issues.historyEditFields', { fields: fieldNames(ctx, rest) }) : title;
      }
      return ctx.t('issues.historyEditFields', { fields: fieldNames(ctx, fields) });
    }
    case 'mergedInto':
      return ctx.t('issues.historyMergedInto', { into: d.into, title: d.title, moved: d.moved });
    case 'mergedFrom':
      return ctx.t('issues.historyMergedFrom', { from: d.from, title: d.title, moved: d.moved, overlap: d.overlap });
    case 'votesJoined':
      return ctx.t('accounts.historyJoined', { name: d.name });
  }
}

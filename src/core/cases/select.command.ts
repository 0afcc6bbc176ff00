import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { formatDateTime } from '../../i18n/format-date';
import { formatCaseNumber } from './case-number';
import { firstStage } from './case-stages';
import type { CaseworkSettings } from './casework.settings';
import { requireFacilitator } from './roles';
import { currentMeetingId } from '../minutes/current-meeting';
import { ISSUE_RECORD } from '../issues/issue-card';
import { recordDecision } from '../minutes/record-decision';

export const SELECT_MAX = 10;

/** /select N [N…]: the monthly meeting's choice becomes numbered cases, all or none. */
export function selectCommand(s: CaseworkSettings): Command {
  return {
    name: 'select',
    description: 'cases.helpSelect',
    handle(ctx, args): Reply[] {
      requireFacilitator(ctx);
      const words = args.split(/[\s,，、]+/).filter(Boolean);
      if (!words.length) throw new UserError('cases.selectUsage', undefined);
      const ids: number[] = [];
      for (const w of words) {
        const m = /^#?(\d{1,9})$/.exec(w.normalize('NFKC'));
        if (!m) throw new UserError('common.notANumber', { usage: ctx.t('cases.selectUsage') });
        if (!ids.includes(Number(m[1]))) ids.push(Number(m[1]));
      }
      if (ids.length > SELECT_MAX) throw new UserError('cases.selectTooMany', { max: SELECT_MAX });
      return selectIssues(ctx, ids, s);
    },
  };
}

/**
 * Turns issues into numbered cases in the given order, all or none: the one path for /select and
 * the 月會 ballot's /ballot select (gapless numbers, a 決議 line in the minutes, cards to 已成案).
 * Call it first in the event's transaction (see CaseRepo.select).
 */
export function selectIssues(ctx: Context, ids: readonly number[], s: CaseworkSettings): Reply[] {
  const { store, settings } = ctx.services;
  const out = store.cases.select({ issueIds: ids, by: ctx.user.id, at: ctx.now, chat: ctx.chat, stage: firstStage(s).id, meeting: () => currentMeetingId(ctx) });
  if (!out.ok) {
    if (out.reason === 'alreadyCase') throw new UserError('cases.selectAlready', { id: out.issueId, name: formatCaseNumber(out.caseNumber, ctx.locale) });
    if (out.reason === 'merged') throw new UserError('cases.selectMerged', { id: out.issueId, into: store.issues.get(out.issueId)?.mergedInto ?? 0 });
    throw new UserError(out.reason === 'notFound' ? 'cases.selectNotFound' : 'cases.selectWithdrawn', { id: out.issueId });
  }
  // One state everywhere: the issue is a case now, and its cards say so in place.
  for (const c of out.cases) {
    store.issues.markSelected(c.issueId);
    recordDecision(ctx, ctx.t('cases.decSelected', { name: formatCaseNumber(c.number, ctx.locale), title: c.title, id: c.issueId }), c.id);
  }
  const text: Span[] = [{ bold: '🎯 ' + ctx.t('cases.selectedHeader', { n: out.cases.length }) }];
  for (const c of out.cases) text.push('\n', formatCaseNumber(c.number, ctx.locale), ctx.t('cases.quoted', { title: c.title }), ctx.t('cases.fromIssue', { id: c.issueId }));
  text.push('\n', ctx.t('cases.selectedBy', { name: ctx.user.name, when: formatDateTime(ctx.now, ctx.locale, settings.timezone) }));
  text.push('\n', ctx.t('cases.selectedNext', { n: out.cases[0]!.number }));
  return [{ type: 'post', message: { text } }, ...out.cases.map((c): Reply => ({ type: 'refresh', record: { kind: ISSUE_RECORD, id: c.issueId } }))];
}

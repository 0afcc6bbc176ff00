import type { Context } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import type { Case } from './case';
import { formatCaseNumber } from './case-number';
import { stageLabel } from './case-stages';
import type { CaseworkSettings } from './casework.settings';
import { planDeadlineReminders } from './deadline-reminders';
import { recordDecision } from '../minutes/record-decision';

const FORCE = new Set(['force', '強制', '--force']);

/** `結案 force` → { text: '結案', force: true }. */
const REOPEN = new Set(['reopen', '重新開啟', '重開']);

/** `/case N stage 轉譯 reopen`: the last word may say that a closed case is to be reopened. */
export function splitReopen(rest: string): { text: string; reopen: boolean } {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  const reopen = words.length > 1 && REOPEN.has(words[words.length - 1]!.toLowerCase());
  return { text: (reopen ? words.slice(0, -1) : words).join(' '), reopen };
}

export function splitForce(rest: string): { text: string; force: boolean } {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  const force = words.length > 0 && FORCE.has(words[words.length - 1]!.toLowerCase());
  return { text: (force ? words.slice(0, -1) : words).join(' '), force };
}

/**
 * Moves a case to its last stage (結案). Open follow-up items (持續列管) refuse it, naming them,
 * unless `force`: then the case closes and its timeline and the minutes record which were left
 * open. Deadline reminders are cancelled.
 */
export function closeCase(ctx: Context, c: Case, s: CaseworkSettings, force: boolean): Span[] {
  const { store } = ctx.services;
  const last = s.stages[s.stages.length - 1]!;
  const name = formatCaseNumber(c.number, ctx.locale);
  if (c.stage === last.id) throw new UserError('cases.alreadyClosed', { name });
  const open = store.actions.list({ caseId: c.id, status: 'open' });
  const ids = open.map((i) => `#${i.id}`).join(ctx.t('common.separator'));
  if (open.length && !force) throw new UserError('cases.closeOpenItems', { name, n: open.length, ids, num: c.number });
  const change = { by: ctx.user.id, at: ctx.now };
  const updated = store.cases.setStage(c.id, last.id, change);
  if (open.length) store.cases.addEvent(c.id, { kind: 'closedOpen', itemIds: open.map((i) => i.id) }, change);
  planDeadlineReminders(updated, ctx.services, s, ctx.now);
  recordDecision(ctx, open.length ? ctx.t('cases.decClosedOpen', { name, ids }) : ctx.t('cases.decClosed', { name }), c.id);
  const text: Span[] = [ctx.t('cases.stageSet', { name, from: stageLabel(c.stage, s, ctx.locale), to: last.label[ctx.locale] })];
  if (open.length) text.push('\n', ctx.t('cases.closedOpenNote', { ids }));
  return text;
}

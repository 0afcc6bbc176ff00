import type { Context } from '../feature';
import type { Span } from '../types';
import type { Case } from './case';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { todayIn } from '../dates/calendar-date';
import { formatCaseNumber } from './case-number';
import { isAnswered, stageLabel } from './case-stages';
import { showDate } from './case-dates';
import type { CaseworkSettings } from './casework.settings';
import { parseDueDay } from './due-date';
import { planDeadlineReminders } from './deadline-reminders';
import { extensionsOf } from './extensions';
import { milestonesOf } from './milestone-view';
import { recordDecision } from '../minutes/record-decision';

// /case N reason and /case N extend: what the lead agency says about its own clock. Its
// confirmed POs may say it themselves, as may a facilitator (國發會: a skipped step is fine when
// its reason is given; an extension is published with how far the work has got).

export const REASON_MAX = 200;
const PROGRESS_MAX = 300;

/** The lead agency's confirmed PO (as /confirm or the roster decides) or a facilitator; else refused. */
export function requireLeadOrFacilitator(ctx: Context, c: Case): void {
  if (ctx.isFacilitator) return;
  if (c.leadAgencyId !== null && ctx.services.people.actsFor(ctx.user) === c.leadAgencyId) return;
  const name = formatCaseNumber(c.number, ctx.locale);
  throw new UserError('sop.notLeadOrFacilitator', { name, lead: ctx.services.people.agencies.name(c.leadAgencyId) ?? ctx.t('cases.leadUnset') });
}

function requirePassed(ctx: Context, c: Case): void {
  if (!c.petitionPassedOn) throw new UserError('sop.noPassed', { name: formatCaseNumber(c.number, ctx.locale), n: c.number });
}

/** `/case N reason <text>`: the reason for every milestone of the case that is missed now. */
export function caseReason(ctx: Context, c: Case, rest: string, s: CaseworkSettings): Span[] {
  requireLeadOrFacilitator(ctx, c);
  requirePassed(ctx, c);
  const text = rest.trim();
  if (!text) throw new UserError('sop.reasonUsage', undefined);
  checkText(text, { max: REASON_MAX, multiline: false });
  const name = formatCaseNumber(c.number, ctx.locale);
  const { store } = ctx.services;
  const missed = milestonesOf(c, store.cases.events(c.id), ctx, s).filter((m) => m.state.kind === 'missed');
  if (!missed.length) throw new UserError('sop.reasonNothingMissed', { name });
  const stages = missed.map((m) => m.stage);
  store.cases.addEvent(c.id, { kind: 'reason', stages, text }, { by: ctx.user.id, at: ctx.now });
  return [ctx.t('sop.reasonRecorded', { name, stages: stages.map((x) => stageLabel(x, s, ctx.locale)).join(ctx.t('common.separator')) })];
}

/** `/case N extend <date> <reason> [| <progress>]`: moves the answer deadline later, keeping the original. */
export function caseExtend(ctx: Context, c: Case, rest: string, s: CaseworkSettings): Span[] {
  requireLeadOrFacilitator(ctx, c);
  requirePassed(ctx, c);
  const name = formatCaseNumber(c.number, ctx.locale);
  const usage = ctx.t('sop.extendUsage');
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(rest.trim());
  if (!m) throw new UserError('sop.extendUsage', undefined);
  if (!c.deadline) throw new UserError('sop.extendNoDeadline', { name });
  if (isAnswered(c, s)) throw new UserError('sop.extendAnswered', { name });
  const tz = ctx.services.settings.timezone;
  const { date, past } = parseDueDay(ctx, m[1]!, usage);
  const shown = showDate(date, ctx.locale, tz);
  if (past || date <= todayIn(ctx.now, tz)) throw new UserError('sop.extendPast', { date: shown });
  if (date <= c.deadline) throw new UserError('sop.extendNotLater', { date: shown, current: showDate(c.deadline, ctx.locale, tz) });
  const [reasonPart, ...progressParts] = (m[2] ?? '').split(/\s*[|｜]\s*/);
  const reason = (reasonPart ?? '').trim();
  const progress = progressParts.join(' | ').trim() || null;
  if (!reason) throw new UserError('sop.extendNoReason', undefined);
  checkText(reason, { max: REASON_MAX, multiline: false });
  if (progress) checkText(progress, { max: PROGRESS_MAX, multiline: false });

  const { store } = ctx.services;
  const change = { by: ctx.user.id, at: ctx.now };
  const from = c.deadline;
  const updated = store.cases.setDeadline(c.id, date, change);
  store.cases.addEvent(c.id, { kind: 'extension', from, to: date, reason, progress }, change);
  const x = extensionsOf(store.cases.events(c.id))!;
  const original = showDate(x.original, ctx.locale, tz);
  recordDecision(ctx, `${name}：${ctx.t('sop.extensionLine', { original, date: shown, n: x.count })}`, c.id);
  planDeadlineReminders(updated, ctx.services, s, ctx.now);
  return [ctx.t('sop.extended', { name, date: shown, original, n: x.count })];
}

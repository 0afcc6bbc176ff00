import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import type { Issue } from '../records';
import type { Meeting } from '../meetings/meeting';
import type { SlateEntry } from './ballot';
import { UserError } from '../errors';
import { foldWidth } from '../input/ime';
import { checkText } from '../input/check-text';
import { requireIssue } from '../issues/issues.commands';
import { ISSUE_RECORD } from '../issues/issue-card';
import { requireFacilitator } from '../cases/roles';
import type { CaseworkSettings } from '../cases/casework.settings';
import { parsePassedDate } from '../cases/case.command';
import { showDate } from '../cases/case-dates';
import { periodDeadline } from '../calendar/period-deadline';
import { planDueReminder } from '../actions/due-reminders';
import { formatDate } from '../../i18n/format-date';
import { todayIn, type CalendarDate } from '../dates/calendar-date';
import { namedMeeting, slateMeeting } from './slate-meeting';
import { voterAgency } from './voters';
import { minutesLine } from './ballot-minutes';

export const REASON_MAX = 300;
/** Issues one /slate add takes at once. */
const ADD_MAX = 10;
const PASSED_WORDS = new Set(['passed', '通過', '成案']);

function issueNumbers(words: readonly string[], usage: string): number[] {
  const ids: number[] = [];
  for (const w of words) {
    const m = /^#?(\d{1,9})$/.exec(foldWidth(w));
    if (!m) throw new UserError('common.notANumber', { usage });
    if (ids.includes(Number(m[1]))) throw new UserError('ballot.slateTwice', { id: Number(m[1]) });
    ids.push(Number(m[1]));
  }
  return ids;
}

/** A slate is fixed once its meeting's ballot has opened: the ballot counts what was on it. */
function requireSlateOpen(ctx: Context, m: Meeting): void {
  const b = ctx.services.store.ballots.latestFor(m.id);
  if (b) throw new UserError(b.closedAt === null ? 'ballot.slateFixedOpen' : 'ballot.slateFixedClosed', { id: m.id });
}

function meetingLabel(ctx: Context, m: Meeting): string {
  return ctx.t('ballot.meetingLabel', { id: m.id, title: m.title, date: formatDate(m.startsAt, ctx.locale, ctx.services.settings.timezone) });
}

/** Whether the agency may speak for the issue: it is tagged on it, proposed it, or leads its case. */
function agencyConcerned(ctx: Context, issue: Issue, agencyId: number): boolean {
  if (issue.agencyIds.includes(agencyId) || issue.proposerAgencyId === agencyId) return true;
  return ctx.services.store.cases.byIssue(issue.id)?.leadAgencyId === agencyId;
}

function requireOpenIssue(ctx: Context, id: number): Issue {
  const issue = requireIssue(ctx, id);
  if (issue.status !== 'open') throw new UserError('ballot.slateNotOpen', { id });
  return issue;
}

/** The Join status of an entry: its petition, whether it passed and when its answer is due. */
function joinStatus(ctx: Context, issue: Issue, e: SlateEntry, s: CaseworkSettings): Span[] {
  const tz = ctx.services.settings.timezone;
  const out: Span[] = [];
  if (!issue.petitionUrl && !e.petitionPassedOn) return [ctx.t('ballot.joinNone')];
  if (issue.petitionUrl) out.push({ link: issue.petitionUrl, text: ctx.t('ballot.joinLink') }, ' ');
  if (e.petitionPassedOn) {
    const { deadline } = periodDeadline(e.petitionPassedOn, s.responseDays, ctx.services.calendar);
    out.push(ctx.t('ballot.joinPassed', { passed: showDate(e.petitionPassedOn, ctx.locale, tz), deadline: showDate(deadline, ctx.locale, tz) }));
  } else out.push(ctx.t('ballot.joinNotPassed'));
  return out;
}

function show(ctx: Context, m: Meeting, s: CaseworkSettings): Reply {
  const { store, people } = ctx.services;
  const entries = store.ballots.slate(m.id);
  const text: Span[] = [{ bold: '📋 ' + ctx.t('ballot.slateHeader', { meeting: meetingLabel(ctx, m), n: entries.filter((e) => e.state !== 'removed').length }) }];
  if (!entries.length) text.push('\n', ctx.t('ballot.slateEmpty'));
  for (const e of entries) {
    if (e.state === 'removed') continue;
    const issue = store.issues.get(e.issueId);
    if (!issue) continue;
    const tally = store.votes.tally(issue.id);
    text.push('\n', { bold: `#${issue.id} ` }, issue.title, ' — ', e.agencyId === null ? ctx.t('ballot.byFacilitator') : ctx.t('ballot.byAgency', { agency: people.agencies.name(e.agencyId) ?? '?' }));
    text.push('\n　', ...joinStatus(ctx, issue, e, s), ' · ', ctx.t('ballot.support', tally));
    if (e.state === 'handled') text.push('\n　', ctx.t('ballot.handledLine', { agency: people.agencies.name(e.handledAgencyId) ?? '?', reason: e.handledReason ?? '', item: e.actionItemId ?? 0 }));
    if (e.state === 'selected') text.push('\n　', ctx.t('ballot.stateSelected'));
    if (e.state === 'unselected') text.push('\n　', ctx.t('ballot.stateUnselected'));
  }
  text.push('\n', ctx.t('ballot.slateHowTo'));
  return { type: 'reply', message: { text } };
}

function add(ctx: Context, m: Meeting, rest: string, s: CaseworkSettings): Reply[] {
  const usage = ctx.t('ballot.slateAddUsage');
  const words = rest.split(/[\s,，、]+/).filter(Boolean);
  const at = words.findIndex((w) => PASSED_WORDS.has(w.toLowerCase()));
  const ids = issueNumbers(at < 0 ? words : words.slice(0, at), usage);
  if (!ids.length) throw new UserError('ballot.slateAddUsage', undefined);
  if (ids.length > ADD_MAX) throw new UserError('ballot.slateAddTooMany', { max: ADD_MAX });
  let passed: CalendarDate | null = null;
  if (at >= 0) {
    if (!ctx.isFacilitator) throw new UserError('common.notFacilitator', undefined);
    const date = words.slice(at + 1).join(' ');
    if (!date) throw new UserError('ballot.slateAddUsage', undefined);
    passed = parsePassedDate(ctx, date, usage) as CalendarDate;
    if (passed > todayIn(ctx.now, ctx.services.settings.timezone)) throw new UserError('cases.passedFuture', { date: showDate(passed, ctx.locale, ctx.services.settings.timezone) });
  }
  requireSlateOpen(ctx, m);
  const { store, people } = ctx.services;
  // A PO puts up one issue of their own agency's; a facilitator any open issues.
  let agencyId: number | null = null;
  if (!ctx.isFacilitator) {
    agencyId = voterAgency(ctx);
    if (ids.length > 1) throw new UserError('ballot.slateOneIssue', undefined);
  }
  const out: Reply[] = [];
  const text: Span[] = [];
  for (const id of ids) {
    const issue = requireOpenIssue(ctx, id);
    const before = store.ballots.slateEntry(m.id, id);
    if (before && before.state === 'on' && passed === null) throw new UserError('ballot.slateAlready', { id });
    if (agencyId !== null) {
      if (before?.state === 'handled') throw new UserError('ballot.slateHandledByAgency', { id });
      if (!agencyConcerned(ctx, issue, agencyId)) throw new UserError('ballot.slateNotYours', { id, agency: people.agencies.name(agencyId) ?? '?' });
      const own = store.ballots.slate(m.id).find((e) => e.agencyId === agencyId && e.state !== 'removed' && e.issueId !== id);
      if (own) throw new UserError('ballot.slateAgencyHasOne', { agency: people.agencies.name(agencyId) ?? '?', id: own.issueId });
    }
    if (before?.state === 'handled' && before.actionItemId !== null) {
      // Put back by a facilitator: the agency's 列管 to handle it itself is over.
      store.actions.close(before.actionItemId, ctx.user.id, ctx.t('ballot.putBackNote', { id }), ctx.now);
    }
    store.ballots.putOnSlate({ meetingId: m.id, issueId: id, agencyId: before ? before.agencyId : agencyId, by: ctx.user.id, at: ctx.now, petitionPassedOn: passed });
    const line = before?.state === 'handled' ? ctx.t('ballot.putBack', { id, title: issue.title }) : agencyId !== null ? ctx.t('ballot.addedByAgency', { id, title: issue.title, agency: people.agencies.name(agencyId) ?? '?' }) : ctx.t('ballot.added', { id, title: issue.title });
    minutesLine(ctx.services, ctx.chat, { kind: 'info', text: `${line}（${meetingLabel(ctx, m)}）`, userId: ctx.user.id, at: ctx.now });
    if (text.length) text.push('\n');
    text.push(line);
    out.push({ type: 'refresh', record: { kind: ISSUE_RECORD, id } });
  }
  text.push('\n', ctx.t('ballot.slateOf', { meeting: meetingLabel(ctx, m), n: store.ballots.slate(m.id).filter((e) => e.state === 'on').length }));
  return [{ type: 'reply', message: { text } }, ...out];
}

function remove(ctx: Context, m: Meeting, rest: string): Reply[] {
  requireFacilitator(ctx);
  const [id, ...more] = issueNumbers(rest.split(/\s+/).filter(Boolean), ctx.t('ballot.slateRemoveUsage'));
  if (id === undefined || more.length) throw new UserError('ballot.slateRemoveUsage', undefined);
  requireSlateOpen(ctx, m);
  const { store } = ctx.services;
  const e = store.ballots.slateEntry(m.id, id);
  if (!e || e.state === 'removed') throw new UserError('ballot.slateNotOn', { id, meeting: meetingLabel(ctx, m) });
  if (e.state === 'handled' && e.actionItemId !== null) store.actions.close(e.actionItemId, ctx.user.id, ctx.t('ballot.removedNote', { id }), ctx.now);
  store.ballots.setState(m.id, id, 'removed');
  const text = ctx.t('ballot.removed', { id, title: store.issues.get(id)?.title ?? '?' });
  minutesLine(ctx.services, ctx.chat, { kind: 'info', text, userId: ctx.user.id, at: ctx.now });
  return [{ type: 'reply', message: { text: [text] } }, { type: 'refresh', record: { kind: ISSUE_RECORD, id } }];
}

/**
 * /slate handle #N <reason>: 部會自行處理. A confirmed PO of an agency the issue concerns takes it
 * off the ballot; a 列管 item for that agency is opened, due by the next meeting of the series.
 */
function handle(ctx: Context, m: Meeting, rest: string, s: CaseworkSettings): Reply[] {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(rest);
  if (!match) throw new UserError('ballot.handleUsage', undefined);
  const [id] = issueNumbers([match[1]!], ctx.t('ballot.handleUsage'));
  const reason = match[2]!.trim();
  if (!reason) throw new UserError('ballot.handleNeedsReason', undefined);
  checkText(reason, { max: REASON_MAX, multiline: false });
  const agencyId = voterAgency(ctx);
  const issue = requireIssue(ctx, id!);
  requireSlateOpen(ctx, m);
  const { store, people } = ctx.services;
  const e = store.ballots.slateEntry(m.id, issue.id);
  if (!e || e.state === 'removed') throw new UserError('ballot.slateNotOn', { id: issue.id, meeting: meetingLabel(ctx, m) });
  if (e.state === 'handled') throw new UserError('ballot.alreadyHandled', { id: issue.id, agency: people.agencies.name(e.handledAgencyId) ?? '?' });
  const agency = people.agencies.name(agencyId) ?? '?';
  if (!agencyConcerned(ctx, issue, agencyId)) throw new UserError('ballot.handleNotYours', { id: issue.id, agency });
  const next = store.meetings.next(m);
  const due = next ? todayIn(next.startsAt, ctx.services.settings.timezone) : null;
  const item = store.actions.create({
    caseId: store.cases.byIssue(issue.id)?.id ?? null,
    meetingId: m.id,
    ownerAgencyId: agencyId,
    ownerUserId: null,
    text: ctx.t('ballot.handleItem', { id: issue.id, title: issue.title }),
    due,
    chat: ctx.chat,
    createdBy: ctx.user.id,
    createdAt: ctx.now,
  });
  store.ballots.markHandled(m.id, issue.id, { agencyId, reason, by: ctx.user.id, at: ctx.now, actionItemId: item.id });
  planDueReminder(item, ctx.services, s, ctx.now);
  const line = ctx.t('ballot.handled', { id: issue.id, title: issue.title, agency, reason });
  minutesLine(ctx.services, ctx.chat, { kind: 'decision', text: line, userId: ctx.user.id, at: ctx.now, actionItemId: item.id });
  const text: Span[] = ['⏸ ', line, '\n', ctx.t('ballot.handledItem', { item: item.id, due: due ? showDate(due, ctx.locale, ctx.services.settings.timezone) : ctx.t('ballot.noDue') })];
  text.push('\n', ctx.t('ballot.handledPutBack', { id: issue.id }));
  return [{ type: 'post', message: { text } }, { type: 'refresh', record: { kind: ISSUE_RECORD, id: issue.id } }];
}

/** /slate [N] shows a 月會's slate; /slate add|remove|handle changes the next one's. */
export function slateCommand(s: CaseworkSettings): Command {
  return {
    name: 'slate',
    description: 'ballot.helpSlate',
    handle(ctx, args) {
      const [, sub = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/.exec(args.trim())!;
      switch (sub.toLowerCase()) {
        case '':
          return show(ctx, slateMeeting(ctx), s);
        case 'add':
          return add(ctx, slateMeeting(ctx), rest, s);
        case 'remove':
          return remove(ctx, slateMeeting(ctx), rest);
        case 'handle':
          return handle(ctx, slateMeeting(ctx), rest, s);
        default: {
          const n = /^#?(\d{1,9})$/.exec(foldWidth(sub));
          if (n && !rest) return show(ctx, namedMeeting(ctx, Number(n[1])), s);
          throw new UserError('ballot.slateUsage', undefined);
        }
      }
    },
  };
}

import { sayitUrlOf } from '../minutes/sayit/sayit-link';
import type { Command, Context, Reply } from '../feature';
import type { OutboundMessage, Span } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { parseRecordNumber } from '../input/parse-number';
import { foldWidth, leadingNumber } from '../input/ime';
import type { Meeting } from './meeting';
import { REMIND_JOB, type MeetingCalendar } from './calendar';
import { MeetingFormat } from './meeting.format';
import { parseMeetingDuration, parseWhen, recognizeWhen, resolveWhen, type ResolveOptions } from './parse-when';
import { meetingsIcs } from './ics.export';
import { AGENDA_RECORD } from './meetings.jobs';
import { pageLink } from '../web-links';
import { pageFooter, pageOf, splitPage } from '../input/paging';
import type { MeetingStatus } from './meeting';

const DAY = 86_400_000;
const TITLE_MAX = 80;
const LIST_LIMIT = 15;
const ALL = new Set(['all', '全部']);
const PAST = new Set(['past', '過去']);
const EVERY_STATUS: readonly MeetingStatus[] = ['scheduled', 'cancelled', 'closed'];
const DEFAULT_DURATION_MIN = 60;

export function requireFacilitator(ctx: Context): void {
  if (!ctx.isFacilitator) throw new UserError('common.notFacilitator', undefined);
}

export function requireMeeting(ctx: Context, id: number): Meeting {
  const m = ctx.services.store.meetings.get(id);
  if (!m) throw new UserError('meetings.notFound', { id });
  return m;
}

function requireScheduled(m: Meeting, fmt: MeetingFormat): void {
  if (m.status !== 'scheduled') throw new UserError('meetings.notScheduled', { id: m.id, status: fmt.status(m.status) });
}

function resolveOpts(ctx: Context, calendar: MeetingCalendar, fmt: MeetingFormat): ResolveOptions {
  return { now: ctx.now, timeZone: calendar.settings.timezone, format: (d) => fmt.at(d) };
}

/** Posts a notice to each of the meeting's chats, and answers the asker if they are elsewhere. */
function announce(ctx: Context, calendar: MeetingCalendar, m: Meeting, message: OutboundMessage): Reply[] {
  const chats = m.chats.filter((c) => calendar.settings.canPost(c));
  const out: Reply[] = chats.map((chat) => ({ type: 'post', chat, message }));
  if (!chats.includes(ctx.chat)) out.push({ type: 'reply', message });
  out.push({ type: 'refresh', record: { kind: AGENDA_RECORD, id: m.id } });
  return out;
}

/** `<title> <date> <time> [duration]`: the date and time are the longest tail that reads as one. */
function parseAdd(args: string, ctx: Context, calendar: MeetingCalendar, fmt: MeetingFormat): { title: string; startsAt: Date; durationMin: number } {
  const tokens = args.trim().split(/\s+/).filter(Boolean);
  let durationMin = DEFAULT_DURATION_MIN;
  const last = tokens[tokens.length - 1];
  const d = last === undefined ? undefined : parseMeetingDuration(last);
  if (d !== undefined && tokens.length > 2) {
    if (d < 5 || d > 12 * 60) throw new UserError('meetings.durationInvalid', undefined);
    durationMin = d;
    tokens.pop();
  }
  for (let k = Math.min(4, tokens.length - 1); k >= 1; k--) {
    const when = recognizeWhen(tokens.slice(-k).join(' '));
    if (!when) continue;
    const title = tokens.slice(0, -k).join(' ');
    checkText(title, { max: TITLE_MAX, multiline: false });
    return { title, startsAt: resolveWhen(when, resolveOpts(ctx, calendar, fmt)), durationMin };
  }
  throw new UserError('meetings.addUsage', undefined);
}

function add(ctx: Context, args: string, calendar: MeetingCalendar, fmt: MeetingFormat): Reply[] {
  requireFacilitator(ctx);
  const p = parseAdd(args, ctx, calendar, fmt);
  const chats = [...new Set([...calendar.settings.homeChats, ctx.chat])];
  const m = calendar.create(
    { series: null, occurrence: null, kind: 'other', title: p.title, startsAt: p.startsAt, durationMin: p.durationMin, chats, createdBy: ctx.user.id, createdAt: ctx.now },
    ctx.now,
  );
  const text: Span[] = [ctx.t('meetings.added', { id: m.id, title: m.title, when: fmt.span(m) })];
  const closed = fmt.closedDay(m.startsAt);
  if (closed) text.push('\n', closed);
  return [{ type: 'reply', message: { text } }];
}

function cancel(ctx: Context, args: string, calendar: MeetingCalendar, fmt: MeetingFormat): Reply[] {
  requireFacilitator(ctx);
  const m = requireMeeting(ctx, parseRecordNumber(args, ctx.t('meetings.cancelUsage')));
  requireScheduled(m, fmt);
  const result = calendar.cancel(m, ctx.now);
  if (!result) throw new UserError('meetings.notScheduled', { id: m.id, status: fmt.status('cancelled') });
  const text: Span[] = [ctx.t('meetings.cancelledNotice', { id: m.id, title: m.title, when: fmt.span(m) })];
  if (result.carried) text.push('\n', ctx.t('meetings.itemsCarried', { n: result.carried, id: result.to!.id, when: fmt.at(result.to!.startsAt) }));
  return announce(ctx, calendar, m, { text });
}

function move(ctx: Context, args: string, calendar: MeetingCalendar, fmt: MeetingFormat): Reply[] {
  requireFacilitator(ctx);
  const m = leadingNumber(args.trim());
  if (!m || !m.rest.trim()) throw new UserError('meetings.moveUsage', undefined);
  const meeting = requireMeeting(ctx, m.n);
  requireScheduled(meeting, fmt);
  if (meeting.startsAt.getTime() <= ctx.now.getTime()) throw new UserError('meetings.alreadyStarted', { id: meeting.id });
  // `/meeting add` takes a length after the time; move keeps the meeting's length, so a length
  // here is a mistake worth naming rather than "cannot read the date".
  const tokens = m.rest.trim().split(/\s+/);
  const length = tokens.at(-1)!;
  if (tokens.length > 1 && parseMeetingDuration(length) !== undefined) {
    throw new UserError('meetings.moveNoLength', { length: length.slice(0, 12), example: `/meeting move ${meeting.id} ${tokens.slice(0, -1).join(' ').slice(0, 40)}` });
  }
  const startsAt = parseWhen(m.rest, resolveOpts(ctx, calendar, fmt));
  const moved = calendar.move(meeting, startsAt, ctx.now);
  if (!moved) throw new UserError('meetings.notScheduled', { id: meeting.id, status: fmt.status('cancelled') });
  const text: Span[] = [ctx.t('meetings.movedNotice', { id: moved.id, title: moved.title, from: fmt.span(meeting), to: fmt.span(moved) })];
  const closed = fmt.closedDay(moved.startsAt);
  if (closed) text.push('\n', closed);
  return announce(ctx, calendar, moved, { text });
}

function close(ctx: Context, args: string, calendar: MeetingCalendar, fmt: MeetingFormat): Reply[] {
  requireFacilitator(ctx);
  const m = requireMeeting(ctx, parseRecordNumber(args, ctx.t('meetings.closeUsage')));
  requireScheduled(m, fmt);
  const result = calendar.close(m, ctx.now);
  if (!result) throw new UserError('meetings.notScheduled', { id: m.id, status: fmt.status('closed') });
  const text: Span[] = [ctx.t('meetings.closed', { id: m.id, title: m.title })];
  if (result.carried) text.push('\n', ctx.t('meetings.itemsCarried', { n: result.carried, id: result.to!.id, when: fmt.at(result.to!.startsAt) }));
  const left = ctx.services.store.agenda.queued(m.id, 1).total;
  if (left) text.push('\n', ctx.t('meetings.itemsStranded', { n: left, id: m.id }));
  return [{ type: 'reply', message: { text } }, { type: 'refresh', record: { kind: AGENDA_RECORD, id: m.id } }];
}

function ics(ctx: Context, calendar: MeetingCalendar, fmt: MeetingFormat): Reply {
  const to = new Date(ctx.now.getTime() + calendar.settings.horizonDays * DAY);
  const list = ctx.services.store.meetings.range(ctx.now, to, ['scheduled', 'cancelled']);
  if (!list.length) return { type: 'reply', message: { text: [ctx.t('meetings.icsEmpty')] }, private: true };
  const file = meetingsIcs(list, fmt, { domain: calendar.settings.icsDomain, now: ctx.now });
  return { type: 'reply', message: { text: [ctx.t('meetings.icsReady', { n: list.length })], file } };
}

function show(ctx: Context, id: number, fmt: MeetingFormat): Reply {
  const m = requireMeeting(ctx, id);
  const text: Span[] = [{ bold: `#${m.id} ${m.title}` }, '\n', ctx.t('meetings.detailKind', { kind: fmt.kind(m.kind), status: fmt.status(m.status) })];
  text.push('\n', ctx.t('meetings.detailWhen', { when: fmt.span(m) }));
  const holiday = fmt.holiday(m.startsAt);
  if (holiday) text.push('\n', holiday);
  const reminders = ctx.services.store.jobs.pending(`meeting:${m.id}:`).filter((j) => j.kind === REMIND_JOB);
  if (reminders.length) text.push('\n', ctx.t('meetings.detailReminders', { list: reminders.map((j) => fmt.at(j.dueAt)).join(ctx.t('common.separator')) }));
  const sayit = sayitUrlOf(ctx.services.store, m.id);
  if (sayit) text.push('\n', ctx.t('minutes.sayitLink', { url: sayit }));
  text.push(...pageLink(ctx.services, ctx.t, `/meetings/${m.id}`));
  return { type: 'reply', message: { text } };
}

export function meetingCommands(calendar: MeetingCalendar): Command[] {
  const meeting: Command = {
    name: 'meeting',
    description: 'meetings.helpMeeting',
    handle(ctx, args) {
      const fmt = new MeetingFormat(calendar.settings, ctx.locale);
      const [, sub = '', rest = ''] = /^(\S*)\s*(.*)$/s.exec(args.trim())!;
      switch (sub.toLowerCase()) {
        case 'add':
          if (!rest.trim()) throw new UserError('meetings.addUsage', undefined);
          return add(ctx, rest, calendar, fmt);
        case 'cancel':
          return cancel(ctx, rest, calendar, fmt);
        case 'move':
          return move(ctx, rest, calendar, fmt);
        case 'close':
          return close(ctx, rest, calendar, fmt);
        case 'ics':
          return ics(ctx, calendar, fmt);
        default:
          if (/^#?\d{1,9}$/.test(foldWidth(sub)) && !rest) return show(ctx, parseRecordNumber(sub, ''), fmt);
          return { type: 'reply', message: { text: [ctx.t('meetings.usage')] }, private: true };
      }
    },
  };

  const meetings: Command = {
    name: 'meetings',
    description: 'meetings.helpMeetings',
    handle(ctx, args) {
      const fmt = new MeetingFormat(calendar.settings, ctx.locale);
      const now = ctx.now.getTime();
      const { rest, page } = splitPage(args);
      const which = rest.toLowerCase();
      const { meetings } = ctx.services.store;
      let list: Meeting[];
      let header: 'meetings.listHeader' | 'meetings.listHeaderAll' | 'meetings.listHeaderPast';
      let empty: 'meetings.listEmpty' | 'meetings.listEmptyPast' = 'meetings.listEmpty';
      if (!which) {
        // From a day back so a meeting going on now is listed too.
        list = meetings.between(new Date(now - DAY), new Date(now + calendar.settings.horizonDays * DAY)).filter((m) => m.startsAt.getTime() + m.durationMin * 60_000 > now);
        header = 'meetings.listHeader';
      } else if (ALL.has(which)) {
        list = meetings.range(new Date(0), new Date(now + calendar.settings.horizonDays * DAY), EVERY_STATUS);
        header = 'meetings.listHeaderAll';
      } else if (PAST.has(which)) {
        // Held (its time is over) or closed, even if closed before its time: it will not be held.
        const held = meetings.range(new Date(0), new Date(now), EVERY_STATUS).filter((m) => m.startsAt.getTime() + m.durationMin * 60_000 <= now || m.status !== 'scheduled');
        const closedEarly = meetings.range(new Date(now), new Date(8.64e15), ['closed']);
        list = [...held, ...closedEarly].reverse();
        header = 'meetings.listHeaderPast';
        empty = 'meetings.listEmptyPast';
      } else throw new UserError('meetings.listUsage', undefined);
      if (!list.length) return { type: 'reply', message: { text: [ctx.t(empty)] }, private: true };
      const p = pageOf(list, page, LIST_LIMIT);
      const text: Span[] = [{ bold: ctx.t(header) }];
      for (const m of p.rows) {
        text.push('\n', fmt.line(m));
        if (m.status !== 'scheduled') text.push(' ', ctx.t('meetings.listStatus', { status: fmt.status(m.status) }));
        else if (m.startsAt.getTime() <= now && now < m.startsAt.getTime() + m.durationMin * 60_000) text.push(' ', ctx.t('meetings.inProgress'));
      }
      const footer = pageFooter(ctx.t, p, `/meetings ${which}`);
      if (footer) text.push('\n', footer);
      return { type: 'reply', message: { text } };
    },
  };

  return [meeting, meetings];
}

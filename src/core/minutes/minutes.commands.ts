import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import { pageLink } from '../web-links';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { foldWidth } from '../input/ime';
import { requireFacilitator } from '../cases/roles';
import { findCaseReference, formatCaseNumber } from '../cases/case-number';
import { linkCaseToMeeting } from '../cases/case-meetings';
import type { Minutes } from './minutes';
import { addLine } from './minutes.recorder';
import { buildDoc } from './minutes-doc';
import { renderSummary } from './minutes.summary';
import { toAkomaNtoso } from './export-akoma-ntoso';
import { toMarkdown } from './export-markdown';
import { todayIn } from '../dates/calendar-date';
import { ownKey } from '../input/own-key';
import { startMeetingCommand } from './start-meeting.command';
import { strikeLine } from './strike.command';
import { openReview, type ReviewSettings } from './review/review';
import { reviewSubcommands } from './review/review.commands';
import { showDate } from '../cases/case-dates';
import type { MeetingCalendar } from '../meetings/calendar';
import { AGENDA_RECORD } from '../meetings/meetings.jobs';
import { formatDateTime } from '../../i18n/format-date';

export const LINE_MAX = 2000;

function requireRecording(ctx: Context): Minutes {
  const m = ctx.services.store.minutes.recording(ctx.chat);
  if (!m) throw new UserError('minutes.notRecording', undefined);
  return m;
}

function tagText(ctx: Context, args: string, usage: 'minutes.topicUsage' | 'minutes.decisionUsage' | 'minutes.infoUsage'): string {
  const text = args.trim();
  if (!text) throw new UserError(usage, undefined);
  checkText(text, { max: LINE_MAX, multiline: true });
  return text;
}

const topic: Command = {
  name: 'topic',
  description: 'minutes.helpTopic',
  handle(ctx, args) {
    requireFacilitator(ctx);
    const m = requireRecording(ctx);
    const text = tagText(ctx, args, 'minutes.topicUsage');
    const { store } = ctx.services;
    const ref = findCaseReference(text);
    const c = ref === undefined ? undefined : store.cases.byNumber(ref);
    store.transaction(() => {
      store.minutes.setCurrentCase(m.id, c?.id ?? null);
      if (c) linkCaseToMeeting(ctx, c.id, m.meetingId);
      addLine(ctx, m, 'topic', text, { caseId: c?.id ?? null });
    });
    const out: Span[] = [{ bold: ctx.t('minutes.tagTopic') }, text];
    if (c) out.push('\n', ctx.t('minutes.topicCase', { name: formatCaseNumber(c.number, ctx.locale), title: c.title }));
    return { type: 'reply', message: { text: out } };
  },
};

const decision: Command = {
  name: 'decision',
  description: 'minutes.helpDecision',
  handle(ctx, args) {
    requireFacilitator(ctx);
    const m = requireRecording(ctx);
    const text = tagText(ctx, args, 'minutes.decisionUsage');
    const { store } = ctx.services;
    store.transaction(() => {
      addLine(ctx, m, 'decision', text, { caseId: m.currentCaseId });
      if (m.currentCaseId !== null) store.cases.addEvent(m.currentCaseId, { kind: 'decision', meetingId: m.meetingId, text }, { by: ctx.user.id, at: ctx.now });
    });
    return { type: 'reply', message: { text: ['✅ ', { bold: ctx.t('minutes.tagDecision') }, text] } };
  },
};

/** Anyone may add an info line: it is a chat message with a tag, and every message is recorded anyway. */
const info: Command = {
  name: 'info',
  description: 'minutes.helpInfo',
  handle(ctx, args) {
    const m = requireRecording(ctx);
    const text = tagText(ctx, args, 'minutes.infoUsage');
    addLine(ctx, m, 'info', text, { caseId: m.currentCaseId });
    return { type: 'reply', message: { text: [ctx.t('minutes.infoRecorded')] }, private: true };
  },
};

const endMeeting = (calendar: MeetingCalendar, review: ReviewSettings): Command => ({
  name: 'endmeeting',
  description: 'minutes.helpEnd',
  handle(ctx): Reply[] {
    requireFacilitator(ctx);
    const m = requireRecording(ctx);
    const { store } = ctx.services;
    const ended = store.transaction(() => {
      if (!store.minutes.end(m.id, ctx.user.id, ctx.now)) return undefined;
      // The ad-hoc meeting /startmeeting created ends with its minutes. Any other is closed by
      // the meetings feature (/meeting close); its motions not discussed move to the next
      // meeting now, so the next agenda has them whether or not anyone closes this one.
      if (m.ownsMeeting) store.meetings.setStatus(m.meetingId, 'closed', ctx.now);
      // Its correction window opens (or, with none, it is published now).
      const privates = openReview(ctx, m, review);
      const meeting = store.meetings.get(m.meetingId);
      const carried = meeting && !m.ownsMeeting && meeting.status === 'scheduled' ? calendar.carryForward(meeting, ctx.now) : { carried: 0, to: undefined };
      return { ...carried, privates };
    });
    if (!ended) throw new UserError('minutes.notRecording', undefined);
    const doc = buildDoc(store.minutes.get(m.id)!, ctx.services);
    const text = renderSummary(doc, ctx);
    if (ended.carried && ended.to) {
      const when = formatDateTime(ended.to.startsAt, ctx.locale, ctx.services.settings.timezone);
      text.push('\n', ctx.t('minutes.motionsCarried', { n: ended.carried, id: ended.to.id, when }));
    }
    const ended2 = store.minutes.get(m.id)!;
    if (ended2.publishOn) {
      const day = showDate(ended2.publishOn, ctx.locale, ctx.services.settings.timezone);
      text.push('\n', ctx.t('minutes.draftUntil', { day, id: m.meetingId }));
    }
    const replies: Reply[] = [{ type: 'post', message: { text } }, ...ended.privates];
    if (ended.carried) replies.push({ type: 'refresh', record: { kind: AGENDA_RECORD, id: m.meetingId } }, { type: 'refresh', record: { kind: AGENDA_RECORD, id: ended.to!.id } });
    return replies;
  },
});

const FORMATS: Record<string, 'md' | 'xml'> = { md: 'md', markdown: 'md', xml: 'xml', akn: 'xml', akomantoso: 'xml', sayit: 'xml' };

/** The words after the subcommand, and the text from the n-th of them on, as typed. */
function subArgs(args: string): { words: string[]; rest: (n: number) => string } {
  const s = args.trim();
  const words = s.split(/\s+/).filter(Boolean);
  return {
    words: words.slice(1),
    rest: (n) => {
      let out = s;
      for (let k = 0; k <= n && out; k++) out = out.replace(/^\S+\s*/, '');
      return out;
    },
  };
}

type Sub = (ctx: Context, words: readonly string[], rest: (n: number) => string) => Reply | Reply[];

/**
 * /minutes [N] [md|xml]: the minutes of meeting N (default: the last) as a file;
 * /minutes strike … works on a meeting's record.
 */
const minutesFile = (review: ReviewSettings): Command => {
  const SUBCOMMANDS: Record<string, Sub> = { strike: strikeLine, ...reviewSubcommands(review) };
  return {
  name: 'minutes',
  description: 'minutes.helpMinutes',
  handle(ctx, args) {
    const sub = ownKey(SUBCOMMANDS, (args.trim().split(/\s+/)[0] ?? '').toLowerCase());
    if (sub) {
      const { words, rest } = subArgs(args);
      return sub(ctx, words, rest);
    }
    let meetingId: number | undefined;
    let fmt: 'md' | 'xml' = 'md';
    for (const w of args.trim().split(/\s+/).filter(Boolean)) {
      const n = /^#?(\d{1,9})$/.exec(foldWidth(w));
      if (n) meetingId = Number(n[1]);
      else if (ownKey(FORMATS, w.toLowerCase())) fmt = ownKey(FORMATS, w.toLowerCase())!;
      else throw new UserError('minutes.minutesUsage', undefined);
    }
    const { store, settings } = ctx.services;
    const m = meetingId !== undefined ? store.minutes.byMeeting(meetingId) : (store.minutes.last({ ended: true }) ?? store.minutes.last());
    if (!m) throw meetingId !== undefined ? new UserError('minutes.noMinutesFor', { id: meetingId }) : new UserError('minutes.noMinutes', undefined);
    const doc = buildDoc(m, ctx.services);
    const day = todayIn(m.startedAt, settings.timezone).replace(/-/g, '');
    const file =
      fmt === 'md'
        ? { filename: `minutes-${m.meetingId}-${day}.md`, mime: 'text/markdown; charset=utf-8', content: toMarkdown(doc, ctx) }
        : { filename: `minutes-${m.meetingId}-${day}.an.xml`, mime: 'application/xml', content: toAkomaNtoso(doc, ctx) };
    const text: Span[] = [ctx.t(fmt === 'md' ? 'minutes.fileMd' : 'minutes.fileXml', { id: m.meetingId, title: m.title })];
    if (m.status === 'recording') text.push(' ', ctx.t('minutes.stillRecording'));
    else if (!m.publishedAt) text.push(' ', ctx.t('minutes.stillDraft'));
    text.push(...pageLink(ctx.services, ctx.t, `/meetings/${m.meetingId}`));
    return { type: 'reply', message: { text, file } };
  },
  };
};

export function minutesCommands(calendar: MeetingCalendar, review: ReviewSettings): readonly Command[] {
  return [startMeetingCommand, endMeeting(calendar, review), topic, decision, info, minutesFile(review)];
}

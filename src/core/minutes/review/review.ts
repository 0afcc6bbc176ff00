import type { Context, Reply, Services } from '../../feature';
import type { JobHandler } from '../../jobs';
import type { ChatRef, Span } from '../../types';
import type { Translate } from '../../../i18n/catalog';
import type { Minutes, MinutesLine } from '../minutes';
import { todayIn } from '../../dates/calendar-date';
import { showDate } from '../../cases/case-dates';
import { pageLink } from '../../web-links';
import { scheduleSayitUpload } from '../sayit/sayit-upload.job';
import { addWorkingDays, publishAt, REMIND_WORKING_DAYS_BEFORE, subtractWorkingDays } from './review-window';

export const PUBLISH_JOB = 'minutes-publish';
export const REMIND_JOB = 'minutes-review-remind';
const publishKey = (meetingId: number) => `minutes:${meetingId}:publish`;
const remindKey = (meetingId: number) => `minutes:${meetingId}:review-remind`;

export interface ReviewSettings {
  reviewWorkingDays: number;
  /** Where the publication is announced: the home chats on platforms running here. */
  homeChats: () => readonly ChatRef[];
}

/** Each speaker's lines, with their numbers in the whole record (struck ones left out). */
export function linesBySpeaker(all: readonly MinutesLine[]): Map<number, { no: number; line: MinutesLine }[]> {
  const out = new Map<number, { no: number; line: MinutesLine }[]>();
  all.forEach((line, i) => {
    if (line.struck) return;
    out.set(line.userId, [...(out.get(line.userId) ?? []), { no: i + 1, line }]);
  });
  return out;
}

const dayOf = (m: Minutes, services: Services, locale: Context['locale']) => showDate(m.publishOn!, locale, services.settings.timezone);

/**
 * The meeting's record just ended. With a correction window, it is a draft until its publication
 * day: each speaker gets their own numbered lines privately with how to correct them, a reminder
 * and the publication are planned as jobs (they survive restarts). Without one, it is public now.
 */
export function openReview(ctx: Context, m: Minutes, s: ReviewSettings): Reply[] {
  const { store, calendar, settings } = ctx.services;
  if (s.reviewWorkingDays === 0) {
    store.minutes.openWindow(m.id, null, ctx.now);
    scheduleSayitUpload(ctx.services, m.meetingId, ctx.now);
    return [];
  }
  const day = addWorkingDays(todayIn(ctx.now, settings.timezone), s.reviewWorkingDays, calendar);
  store.minutes.openWindow(m.id, day, ctx.now);
  store.jobs.schedule({ kind: PUBLISH_JOB, key: publishKey(m.meetingId), dueAt: publishAt(day, settings.timezone), payload: { meetingId: m.meetingId } });
  const remind = publishAt(subtractWorkingDays(day, REMIND_WORKING_DAYS_BEFORE, calendar), settings.timezone);
  if (remind.getTime() > ctx.now.getTime()) store.jobs.schedule({ kind: REMIND_JOB, key: remindKey(m.meetingId), dueAt: remind, payload: { meetingId: m.meetingId } });
  const ended = store.minutes.get(m.id)!;
  const replies: Reply[] = [];
  for (const [userId, lines] of linesBySpeaker(store.minutes.lines(m.id))) {
    const u = ctx.services.people.get(userId);
    if (!u) continue;
    const text: Span[] = [{ bold: ctx.t('minutes.reviewHeader', { id: m.meetingId, title: m.title, day: dayOf(ended, ctx.services, ctx.locale) }) }];
    for (const { no, line } of lines) text.push('\n', `${no}. `, line.text);
    text.push('\n', ctx.t('minutes.reviewHow', { id: m.meetingId, no: lines[0]!.no }));
    replies.push({ type: 'private', to: { platform: u.platform, id: u.platformUserId, name: u.name }, message: { text }, near: m.chat });
  }
  return replies;
}

/** Publishes now (the day came, or a facilitator's /minutes publish); false when it already was. */
export function publishMinutes(services: Services, t: Translate, m: Minutes, now: Date, s: ReviewSettings): Reply[] | undefined {
  const { store } = services;
  if (!store.minutes.publish(m.id, now)) return undefined;
  store.jobs.cancel(publishKey(m.meetingId));
  store.jobs.cancel(remindKey(m.meetingId));
  scheduleSayitUpload(services, m.meetingId, now);
  const text: Span[] = [t('minutes.publishedLine', { id: m.meetingId, title: m.title }), ...pageLink(services, t, `/meetings/${m.meetingId}`)];
  // One line: the link's own line break is a space here.
  if (text[1] === '\n') text[1] = ' ';
  return s.homeChats().map((chat) => ({ type: 'post' as const, chat, message: { text } }));
}

export function reviewJobs(s: ReviewSettings): JobHandler[] {
  const publish: JobHandler = {
    kind: PUBLISH_JOB,
    run(ctx) {
      const m = ctx.services.store.minutes.byMeeting(Number(ctx.job.payload.meetingId));
      // Held: waits for a facilitator's /minutes publish.
      if (!m || m.publishedAt || m.holdReason !== null) return [];
      return publishMinutes(ctx.services, ctx.t, m, ctx.now, s) ?? [];
    },
  };
  const remind: JobHandler = {
    kind: REMIND_JOB,
    run(ctx) {
      const { store, people } = ctx.services;
      const m = store.minutes.byMeeting(Number(ctx.job.payload.meetingId));
      if (!m || m.publishedAt) return [];
      const answered = new Set(store.minutes.reviews(m.id).map((r) => r.userId));
      const replies: Reply[] = [];
      for (const [userId, lines] of linesBySpeaker(store.minutes.lines(m.id))) {
        const u = people.get(userId);
        if (!u || answered.has(userId)) continue;
        const text = ctx.t('minutes.reviewReminder', { id: m.meetingId, title: m.title, day: dayOf(m, ctx.services, ctx.locale), n: lines.length });
        replies.push({ type: 'private', to: { platform: u.platform, id: u.platformUserId, name: u.name }, message: { text: [text] }, near: m.chat });
      }
      return replies;
    },
  };
  return [publish, remind];
}

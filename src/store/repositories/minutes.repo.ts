import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { minutes, minutesLines, minutesReviews } from '../schema';
import type { Minutes, MinutesLine, MinutesRepo, Speech } from '../../core/minutes/minutes';
import type { ChatRef } from '../../core/types';
import type { CalendarDate } from '../../core/dates/calendar-date';

type Row = typeof minutes.$inferSelect;
type LineRow = typeof minutesLines.$inferSelect;

export function toLine(r: LineRow): MinutesLine {
  const { struckAt, struckBy, struckReason, originalText, correctedBy, correctedAt, ...rest } = r;
  return {
    ...rest,
    at: new Date(r.at),
    correction: originalText === null || correctedBy === null ? null : { original: originalText, by: correctedBy, at: new Date(correctedAt ?? 0) },
    struck: struckAt === null || struckBy === null ? null : { at: new Date(struckAt), by: struckBy, reason: struckReason ?? '' },
  };
}

function toMinutes(r: Row): Minutes {
  return {
    id: r.id,
    meetingId: r.meetingId,
    chat: r.chat as ChatRef,
    title: r.title,
    status: r.status,
    startedBy: r.startedBy,
    startedAt: new Date(r.startedAt),
    endedBy: r.endedBy,
    endedAt: r.endedAt === null ? null : new Date(r.endedAt),
    ownsMeeting: Boolean(r.ownsMeeting),
    currentCaseId: r.currentCaseId,
    sayit: {
      url: r.sayitUrl,
      uploadedAt: r.sayitUploadedAt === null ? null : new Date(r.sayitUploadedAt),
      error: r.sayitError,
      errorAt: r.sayitErrorAt === null ? null : new Date(r.sayitErrorAt),
      notified: Boolean(r.sayitNotified),
    },
    publishOn: r.publishOn as CalendarDate | null,
    publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt),
    holdReason: r.holdReason,
  };
}

export function minutesRepo(db: Db): MinutesRepo {
  const client = db.$client;
  // Every chat message asks this: prepared once, served by the partial unique index.
  const recording = client.prepare<[string], Row>(`
    select id, meeting_id as meetingId, chat, title, status, started_by as startedBy, started_at as startedAt,
           ended_by as endedBy, ended_at as endedAt, owns_meeting as ownsMeeting, current_case_id as currentCaseId,
           sayit_url as sayitUrl, sayit_uploaded_at as sayitUploadedAt, sayit_error as sayitError,
           sayit_error_at as sayitErrorAt, sayit_notified as sayitNotified,
           publish_on as publishOn, published_at as publishedAt, hold_reason as holdReason
    from minutes where chat = ? and status = 'recording'`);
  const releaseMeeting = client.prepare<[number], { meetingId: number }>(`
    select m.meeting_id as meetingId from minutes_lines l join minutes m on m.id = l.minutes_id
    where l.action_item_id = ? and l.kind = 'release' order by l.id desc limit 1`);
  // A speaker's page: the minutes_lines_user index (user_id, at) walks one person's lines newest
  // first; the minutes allowed come as a JSON array, so one prepared statement serves any list.
  const SAID = `from minutes_lines l where l.user_id = @userId and l.kind = 'message' and l.struck_at is null
    and l.minutes_id in (select value from json_each(@ids))`;
  const speeches = client.prepare<[{ userId: number; ids: string; limit: number; offset: number }], LineRow & { meetingId: number; no: number }>(`
    select l.id, l.minutes_id as minutesId, l.at, l.user_id as userId, l.speaker, l.agency_id as agencyId, l.kind, l.text,
           l.case_id as caseId, l.action_item_id as actionItemId, l.struck_at as struckAt, l.struck_by as struckBy, l.struck_reason as struckReason,
           (select meeting_id from minutes m where m.id = l.minutes_id) as meetingId,
           (select count(*) from minutes_lines n where n.minutes_id = l.minutes_id and n.id <= l.id) as no
    ${SAID} order by l.at desc, l.id desc limit @limit offset @offset`);
  const spokenTotal = client.prepare<[{ userId: number; ids: string }], { n: number }>(`select count(*) as n ${SAID}`);
  const spokenIn = client.prepare<[number], Row>(`
    select id, meeting_id as meetingId, chat, title, status, started_by as startedBy, started_at as startedAt,
           ended_by as endedBy, ended_at as endedAt, owns_meeting as ownsMeeting, current_case_id as currentCaseId
    from minutes where id in (select distinct minutes_id from minutes_lines where user_id = ? and kind = 'message' and struck_at is null)
    order by started_at desc, id desc`);
  const insertLine = client.prepare(`
    insert into minutes_lines (minutes_id, at, user_id, speaker, agency_id, kind, text, case_id, action_item_id)
    values (@minutesId, @at, @userId, @speaker, @agencyId, @kind, @text, @caseId, @actionItemId)`);

  return {
    start(m) {
      const row = db
        .insert(minutes)
        .values({ meetingId: m.meetingId, chat: m.chat, title: m.title, startedBy: m.by, startedAt: m.at.getTime(), ownsMeeting: m.ownsMeeting })
        .onConflictDoNothing()
        .returning()
        .get();
      return row ? toMinutes(row) : undefined;
    },
    recording(chat) {
      const r = recording.get(chat);
      return r ? toMinutes(r) : undefined;
    },
    get(id) {
      const r = db.select().from(minutes).where(eq(minutes.id, id)).get();
      return r ? toMinutes(r) : undefined;
    },
    byMeeting(meetingId) {
      const r = db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
      return r ? toMinutes(r) : undefined;
    },
    last(opts = {}) {
      const r = db
        .select()
        .from(minutes)
        .where(opts.ended ? eq(minutes.status, 'ended') : undefined)
        .orderBy(desc(minutes.startedAt), desc(minutes.id))
        .limit(1)
        .get();
      return r ? toMinutes(r) : undefined;
    },
    recentEnded(limit) {
      return db.select().from(minutes).where(isNotNull(minutes.publishedAt)).orderBy(desc(minutes.publishedAt), desc(minutes.id)).limit(limit).all().map(toMinutes);
    },
    recentLines(kind, limit) {
      return db
        .select({ line: minutesLines })
        .from(minutesLines)
        .innerJoin(minutes, eq(minutes.id, minutesLines.minutesId))
        .where(and(eq(minutesLines.kind, kind), isNotNull(minutes.publishedAt), isNull(minutesLines.struckAt)))
        .orderBy(desc(minutesLines.at), desc(minutesLines.id))
        .limit(limit)
        .all()
        .map((r) => toLine(r.line));
    },
    addLine(l) {
      insertLine.run({ ...l, at: l.at.getTime() });
    },
    removeLine(id) {
      db.delete(minutesLines).where(eq(minutesLines.id, id)).run();
    },
    lines(minutesId) {
      return db
        .select()
        .from(minutesLines)
        .where(eq(minutesLines.minutesId, minutesId))
        .orderBy(asc(minutesLines.id))
        .all()
        .map(toLine);
    },
    strike(lineId, st) {
      return (
        db
          .update(minutesLines)
          .set({ struckAt: st.at.getTime(), struckBy: st.by, struckReason: st.reason })
          .where(and(eq(minutesLines.id, lineId), isNull(minutesLines.struckAt)))
          .run().changes > 0
      );
    },
    releasedIn(actionItemId) {
      return releaseMeeting.get(actionItemId)?.meetingId;
    },
    sayitUploaded(minutesId, url, at) {
      db.update(minutes)
        .set({ sayitUrl: url, sayitUploadedAt: at.getTime(), sayitError: null, sayitErrorAt: null, sayitNotified: false })
        .where(eq(minutes.id, minutesId))
        .run();
    },
    sayitFailed(minutesId, error, at, notified) {
      db.update(minutes).set({ sayitError: error, sayitErrorAt: at.getTime(), sayitNotified: notified }).where(eq(minutes.id, minutesId)).run();
    },
    sayitFailing() {
      return db
        .select({ meetingId: minutes.meetingId, error: minutes.sayitError, at: minutes.sayitErrorAt })
        .from(minutes)
        .where(isNotNull(minutes.sayitError))
        .orderBy(asc(minutes.sayitErrorAt))
        .all()
        .map((r) => ({ meetingId: r.meetingId, error: r.error ?? '', at: new Date(r.at ?? 0) }));
    },
    openWindow(minutesId, publishOn, at) {
      db.update(minutes)
        .set({ publishOn, publishedAt: publishOn === null ? at.getTime() : null })
        .where(eq(minutes.id, minutesId))
        .run();
    },
    publish(minutesId, at) {
      return db.update(minutes).set({ publishedAt: at.getTime(), holdReason: null }).where(and(eq(minutes.id, minutesId), isNull(minutes.publishedAt))).run().changes > 0;
    },
    hold(minutesId, reason) {
      db.update(minutes).set({ holdReason: reason }).where(eq(minutes.id, minutesId)).run();
    },
    correct(lineId, text, by, at) {
      db.update(minutesLines)
        .set({ originalText: sql`coalesce(${minutesLines.originalText}, ${minutesLines.text})`, text, correctedBy: by, correctedAt: at.getTime() })
        .where(eq(minutesLines.id, lineId))
        .run();
    },
    review(minutesId, userId, answer, at) {
      db.insert(minutesReviews)
        .values({ minutesId, userId, answer, at: at.getTime() })
        .onConflictDoUpdate({ target: [minutesReviews.minutesId, minutesReviews.userId], set: { answer, at: at.getTime() } })
        .run();
    },
    reviews(minutesId) {
      return db.select({ userId: minutesReviews.userId, answer: minutesReviews.answer }).from(minutesReviews).where(eq(minutesReviews.minutesId, minutesId)).all();
    },
    setCurrentCase(minutesId, caseId) {
      db.update(minutes).set({ currentCaseId: caseId }).where(eq(minutes.id, minutesId)).run();
    },
    spokenIn(userId) {
      return spokenIn.all(userId).map(toMinutes);
    },
    speeches(userId, q) {
      if (!q.minutesIds.length) return { rows: [], total: 0 };
      const ids = JSON.stringify(q.minutesIds);
      const rows = speeches.all({ userId, ids, limit: q.limit, offset: q.offset }).map(({ meetingId, no, ...r }): Speech => ({ ...toLine(r), meetingId, no }));
      return { rows, total: spokenTotal.get({ userId, ids })?.n ?? 0 };
    },
    end(minutesId, by, at) {
      return (
        db
          .update(minutes)
          .set({ status: 'ended', endedBy: by, endedAt: at.getTime(), currentCaseId: null })
          .where(and(eq(minutes.id, minutesId), eq(minutes.status, 'recording')))
          .run().changes > 0
      );
    },
  };
}

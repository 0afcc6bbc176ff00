import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lt, lte, not, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { meetings } from '../schema';
import type { Meeting, MeetingRepo, NewMeeting } from '../../core/meetings/meeting';
import type { ChatRef } from '../../core/types';

type Row = typeof meetings.$inferSelect;

export function toMeeting(r: Row): Meeting {
  return {
    id: r.id,
    series: r.series,
    kind: r.kind,
    title: r.title,
    startsAt: new Date(r.startsAt),
    durationMin: r.durationMin,
    status: r.status,
    chats: JSON.parse(r.chats) as ChatRef[],
    closedAt: r.closedAt === null ? null : new Date(r.closedAt),
    occurrence: r.occurrence === null ? null : new Date(r.occurrence),
    revision: r.revision,
  };
}

/**
 * A new meeting's number is the one after the highest in use, taken in the INSERT itself.
 * AUTOINCREMENT's own sequence also advances on an insert that a conflict then skips, so
 * every restart's re-expansion of the series used to burn a number per occurrence (#13).
 */
const nextId = sql<number>`(select coalesce(max(id), 0) + 1 from meetings)`;

function values(m: NewMeeting) {
  return {
    id: nextId,
    series: m.series,
    occurrence: m.occurrence?.getTime() ?? null,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.getTime(),
    durationMin: m.durationMin,
    chats: JSON.stringify(m.chats),
    createdBy: m.createdBy,
    createdAt: m.createdAt.getTime(),
  };
}

export function meetingsRepo(db: Db): MeetingRepo {
  // Same series, or for ad-hoc meetings the same kind among ad-hoc ones.
  const sameSeries = (m: Meeting) => (m.series === null ? and(sql`${meetings.series} is null`, eq(meetings.kind, m.kind)) : eq(meetings.series, m.series));
  // Asked for every occurrence at every start: prepared once instead of built per call.
  const storedOccurrence = db.$client.prepare<[string, number], { id: number }>('select id from meetings where series = ? and occurrence = ?');

  return {
    create(m) {
      return toMeeting(db.insert(meetings).values(values(m)).returning().get());
    },
    get(id) {
      const r = db.select().from(meetings).where(eq(meetings.id, id)).get();
      return r ? toMeeting(r) : undefined;
    },
    between(from, to) {
      return db
        .select()
        .from(meetings)
        .where(and(eq(meetings.status, 'scheduled'), gte(meetings.startsAt, from.getTime()), lt(meetings.startsAt, to.getTime())))
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
        .all()
        .map(toMeeting);
    },
    inProgress(chat, at) {
      const t = at.getTime();
      const rows = db
        .select()
        .from(meetings)
        .where(and(eq(meetings.status, 'scheduled'), lte(meetings.startsAt, t), sql`${meetings.startsAt} + ${meetings.durationMin} * 60000 > ${t}`))
        .orderBy(desc(meetings.startsAt))
        .all();
      return rows.map(toMeeting).find((m) => m.chats.includes(chat));
    },
    previous(m) {
      const r = db
        .select()
        .from(meetings)
        .where(and(sameSeries(m), lt(meetings.startsAt, m.startsAt.getTime()), sql`${meetings.status} != 'cancelled'`))
        .orderBy(desc(meetings.startsAt))
        .limit(1)
        .get();
      return r ? toMeeting(r) : undefined;
    },
    next(m) {
      const r = db
        .select()
        .from(meetings)
        .where(and(sameSeries(m), gt(meetings.startsAt, m.startsAt.getTime()), eq(meetings.status, 'scheduled')))
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
        .limit(1)
        .get();
      return r ? toMeeting(r) : undefined;
    },
    ensureOccurrences(list) {
      if (!list.length) return [];
      return db.transaction((tx) =>
        list.flatMap((m) => {
          // Stored already (the usual case at every restart): no insert is tried at all.
          if (m.series !== null && m.occurrence && storedOccurrence.get(m.series, m.occurrence.getTime())) return [];
          const r = tx.insert(meetings).values(values(m)).onConflictDoNothing().returning().get();
          return r ? [toMeeting(r)] : [];
        }),
      );
    },
    range(from, to, statuses) {
      if (!statuses.length) return [];
      return db
        .select()
        .from(meetings)
        .where(and(inArray(meetings.status, [...statuses]), gte(meetings.startsAt, from.getTime()), lt(meetings.startsAt, to.getTime())))
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
        .all()
        .map(toMeeting);
    },
    page(q) {
      const stillAhead = (at: Date) => and(eq(meetings.status, 'scheduled'), sql`${meetings.startsAt} + ${meetings.durationMin} * 60000 > ${at.getTime()}`);
      const where = and(
        q.from ? gte(meetings.startsAt, q.from.getTime()) : undefined,
        q.to ? lt(meetings.startsAt, q.to.getTime()) : undefined,
        q.ahead ? stillAhead(q.ahead) : undefined,
        q.behind ? not(stillAhead(q.behind)!) : undefined,
      );
      const order = q.order === 'asc' ? [asc(meetings.startsAt), asc(meetings.id)] : [desc(meetings.startsAt), desc(meetings.id)];
      const rows = db.select().from(meetings).where(where).orderBy(...order).limit(q.limit).offset(q.offset).all().map(toMeeting);
      const total = db.select({ n: count() }).from(meetings).where(where).get()?.n ?? 0;
      return { rows, total };
    },
    seriesOccurrences(from, to) {
      return db
        .select()
        .from(meetings)
        .where(and(eq(meetings.status, 'scheduled'), isNotNull(meetings.series), gte(meetings.occurrence, from.getTime()), lt(meetings.occurrence, to.getTime())))
        .orderBy(asc(meetings.occurrence))
        .all()
        .map(toMeeting);
    },
    setStatus(id, to, at) {
      return (
        db
          .update(meetings)
          .set({ status: to, closedAt: to === 'closed' ? at.getTime() : null, revision: sql`${meetings.revision} + 1` })
          .where(and(eq(meetings.id, id), eq(meetings.status, 'scheduled')))
          .run().changes > 0
      );
    },
    reschedule(id, startsAt) {
      return (
        db
          .update(meetings)
          .set({ startsAt: startsAt.getTime(), revision: sql`${meetings.revision} + 1` })
          .where(and(eq(meetings.id, id), eq(meetings.status, 'scheduled')))
          .run().changes > 0
      );
    },
    updateDetails(id, d) {
      db.update(meetings)
        .set({ title: d.title, kind: d.kind, durationMin: d.durationMin, chats: JSON.stringify(d.chats), revision: sql`${meetings.revision} + 1` })
        .where(eq(meetings.id, id))
        .run();
    },
  };
}

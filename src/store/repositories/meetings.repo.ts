import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { meetings } from '../schema';
import type { Meeting, MeetingRepo } from '../../core/meetings/meeting';
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
  };
}

export function meetingsRepo(db: Db): MeetingRepo {
  return {
    create(m) {
      const row = db
        .insert(meetings)
        .values({
          series: m.series,
          occurrence: m.occurrence?.getTime() ?? null,
          kind: m.kind,
          title: m.title,
          startsAt: m.startsAt.getTime(),
          durationMin: m.durationMin,
          chats: JSON.stringify(m.chats),
          createdBy: m.createdBy,
          createdAt: m.createdAt.getTime(),
        })
        .returning()
        .get();
      return toMeeting(row);
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
      const sameSeries = m.series === null ? and(sql`${meetings.series} is null`, eq(meetings.kind, m.kind)) : eq(meetings.series, m.series);
      const r = db
        .select()
        .from(meetings)
        .where(and(sameSeries, lt(meetings.startsAt, m.startsAt.getTime()), sql`${meetings.status} != 'cancelled'`))
        .orderBy(desc(meetings.startsAt))
        .limit(1)
        .get();
      return r ? toMeeting(r) : undefined;
    },
  };
}

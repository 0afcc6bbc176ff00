import { and, asc, count, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { actionItems } from '../schema';
import type { ActionItem, ActionRepo } from '../../core/actions/action-item';
import type { ChatRef } from '../../core/types';

type Row = typeof actionItems.$inferSelect;

function toItem(r: Row): ActionItem {
  return {
    id: r.id,
    caseId: r.caseId,
    meetingId: r.meetingId,
    ownerAgencyId: r.ownerAgencyId,
    ownerUserId: r.ownerUserId,
    text: r.text,
    due: r.due,
    status: r.status,
    chat: r.chat as ChatRef,
    createdBy: r.createdBy,
    createdAt: new Date(r.createdAt),
    doneAt: r.doneAt === null ? null : new Date(r.doneAt),
    doneBy: r.doneBy,
    doneNote: r.doneNote,
  };
}

export function actionsRepo(db: Db): ActionRepo {
  // Both served by the (status, due) index.
  const dueBefore = and(eq(actionItems.status, 'open'), lt(actionItems.due, sql.placeholder('day')));
  const dueBeforeRows = db.select().from(actionItems).where(dueBefore).orderBy(asc(actionItems.due), asc(actionItems.id)).limit(sql.placeholder('limit')).prepare();
  const dueBeforeCount = db.select({ n: count() }).from(actionItems).where(dueBefore).prepare();
  return {
    create(item) {
      const row = db
        .insert(actionItems)
        .values({ ...item, createdAt: item.createdAt.getTime() })
        .returning()
        .get();
      return toItem(row);
    },
    get(id) {
      const r = db.select().from(actionItems).where(eq(actionItems.id, id)).get();
      return r ? toItem(r) : undefined;
    },
    close(id, by, note, at) {
      return (
        db
          .update(actionItems)
          .set({ status: 'done', doneAt: at.getTime(), doneBy: by, doneNote: note })
          .where(and(eq(actionItems.id, id), eq(actionItems.status, 'open')))
          .run().changes > 0
      );
    },
    list(q = {}) {
      const conds: SQL[] = [];
      if (q.status) conds.push(eq(actionItems.status, q.status));
      if (q.caseId !== undefined) conds.push(eq(actionItems.caseId, q.caseId));
      if (q.meetingId !== undefined) conds.push(eq(actionItems.meetingId, q.meetingId));
      if (q.ownerAgencyId !== undefined) conds.push(eq(actionItems.ownerAgencyId, q.ownerAgencyId));
      if (q.doneSince) conds.push(gte(actionItems.doneAt, q.doneSince.getTime()));
      return db
        .select()
        .from(actionItems)
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(sql`${actionItems.due} is null`, asc(actionItems.due), asc(actionItems.id))
        .all()
        .map(toItem);
    },
    openDueBefore(day, limit) {
      return { rows: dueBeforeRows.all({ day, limit }).map(toItem), total: dueBeforeCount.get({ day })?.n ?? 0 };
    },
  };
}

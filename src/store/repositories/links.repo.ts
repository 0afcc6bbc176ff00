import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { messageLinks } from '../schema';
import type { LinkRepo } from '../../core/records';
import type { MessageRef } from '../../core/types';

export function linksRepo(db: Db): LinkRepo {
  const find = db.select().from(messageLinks).where(eq(messageLinks.messageRef, sql.placeholder('ref'))).prepare();
  const refs = db
    .select({ ref: messageLinks.messageRef })
    .from(messageLinks)
    .where(and(eq(messageLinks.recordKind, sql.placeholder('kind')), eq(messageLinks.recordId, sql.placeholder('id'))))
    .prepare();
  return {
    link(ref, record, at) {
      db.insert(messageLinks)
        .values({ messageRef: ref, recordKind: record.kind, recordId: record.id, createdAt: at.getTime() })
        .onConflictDoUpdate({ target: messageLinks.messageRef, set: { recordKind: record.kind, recordId: record.id } })
        .run();
    },
    find(ref) {
      const r = find.get({ ref });
      return r ? { kind: r.recordKind, id: r.recordId } : undefined;
    },
    refsFor(record) {
      return refs.all({ kind: record.kind, id: record.id }).map((r) => r.ref as MessageRef);
    },
  };
}

import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { messageLinks } from '../schema';
import type { LinkRepo } from '../../core/records';
import type { MessageRef, RecordRef } from '../../core/types';
import { VersionedCache } from '../versioned-cache';

export function linksRepo(db: Db): LinkRepo {
  const find = db.select().from(messageLinks).where(eq(messageLinks.messageRef, sql.placeholder('ref'))).prepare();
  const refs = db
    .select({ ref: messageLinks.messageRef })
    .from(messageLinks)
    .where(and(eq(messageLinks.recordKind, sql.placeholder('kind')), eq(messageLinks.recordId, sql.placeholder('id'))))
    .prepare();
  // Every reaction looks its message up and every tally change lists the cards to update.
  const byRef = new VersionedCache<string, RecordRef>(db.$client);
  const byRecord = new VersionedCache<string, MessageRef[]>(db.$client);
  const recordKey = (r: RecordRef) => `${r.kind}:${r.id}`;

  return {
    link(ref, record, at) {
      const previous = byRef.get(ref, () => undefined);
      db.insert(messageLinks)
        .values({ messageRef: ref, recordKind: record.kind, recordId: record.id, createdAt: at.getTime() })
        .onConflictDoUpdate({ target: messageLinks.messageRef, set: { recordKind: record.kind, recordId: record.id } })
        .run();
      if (previous) byRecord.delete(recordKey(previous));
      byRecord.delete(recordKey(record));
      byRef.set(ref, { kind: record.kind, id: record.id });
    },
    find(ref) {
      return byRef.get(ref, () => {
        const r = find.get({ ref });
        return r ? { kind: r.recordKind, id: r.recordId } : undefined;
      });
    },
    refsFor(record) {
      return byRecord.get(recordKey(record), () => refs.all({ kind: record.kind, id: record.id }).map((r) => r.ref as MessageRef))!;
    },
  };
}

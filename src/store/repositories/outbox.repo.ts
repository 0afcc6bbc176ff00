import type { Db } from '../db';
import type { OutboxEntry, OutboxRepo } from '../../core/delivery/outbox.port';
import { richToPlain, type OutboundMessage } from '../../core/types';

interface Row {
  id: number;
  op: OutboxEntry['op'];
  target: string;
  message: string;
  show_kind: string | null;
  show_id: number | null;
  status: OutboxEntry['status'];
  attempts: number;
  next_at: number;
}

// A private message's person travels in its message's JSON (`recipient`), beside the text, so
// the table needed no new column; previews and the dead-letter list read the text as for any post.
type Stored = OutboundMessage & { recipient?: OutboxEntry['recipient'] };

function toEntry(r: Row): OutboxEntry {
  const { recipient, ...message } = JSON.parse(r.message) as Stored;
  return {
    id: r.id,
    op: r.op,
    target: r.target,
    ...(recipient ? { recipient } : {}),
    message,
    show: r.show_kind === null ? null : { kind: r.show_kind, id: r.show_id! },
    status: r.status,
    attempts: r.attempts,
    nextAt: new Date(r.next_at),
  };
}

/** The first line or so of a stored message, as plain text. */
function previewOf(json: string): string {
  const plain = richToPlain((JSON.parse(json) as OutboundMessage).text);
  return plain.replace(/\s+/g, ' ').trim().slice(0, 80);
}

export function outboxRepo(db: Db): OutboxRepo {
  const c = db.$client;
  const insert = c.prepare(
    `insert into outbox (op, target, message, show_kind, show_id, status, attempts, next_at, created_at)
     values (@op, @target, @message, @showKind, @showId, 'pending', 0, @now, @now)`,
  );
  const replacePending = c.prepare(`update outbox set message = ?, next_at = min(next_at, ?) where target = ? and op = 'update' and status = 'pending' returning id`);
  // One statement: the status check and the change are atomic, so an entry is sent by one sender.
  const claim = c.prepare(
    `update outbox set status = 'sending', attempts = attempts + 1, claimed_by = @owner, claimed_until = @until where id = @id and status = 'pending' returning *`,
  );
  const olderWaiting = c.prepare(
    `select 1 from outbox o where o.op = 'post' and o.status = 'pending' and o.id < @id
       and o.target = (select target from outbox where id = @id and op = 'post') limit 1`,
  ).pluck();
  // A post behind an older one to the same chat that still waits (its platform failed it) is not
  // due yet: a chat's posts go out in order once its platform is back.
  const due = c.prepare(
    `select * from outbox o where o.status = 'pending' and o.next_at <= ?
       and not (o.op = 'post' and exists (select 1 from outbox p where p.op = 'post' and p.status = 'pending' and p.target = o.target and p.id < o.id))
     order by o.id limit ?`,
  );
  const sent = c.prepare(`update outbox set status = 'sent', result_ref = ?, sent_at = ?, last_error = null where id = ?`);
  const retry = c.prepare(`update outbox set status = 'pending', last_error = ?, next_at = ? where id = ?`);
  const dead = c.prepare(`update outbox set status = 'dead', last_error = ? where id = ?`);
  const dropped = c.prepare(`update outbox set status = 'sent', last_error = ?, sent_at = ? where id = ?`);
  const deadIn = c.prepare(`select count(*) from outbox where status = 'dead' and (target = @chat or target like @prefix escape '\\')`).pluck();
  const deadLetters = c.prepare(`select id, op, target, attempts, last_error as error, created_at as createdAt, message from outbox where status = 'dead' order by id limit ?`);
  const requeue = c.prepare(`update outbox set status = 'pending', attempts = 0, next_at = ?, claimed_by = null, claimed_until = null where id = ? and status = 'dead'`);
  const sending = c.prepare(`select id, claimed_by as owner, claimed_until as until from outbox where status = 'sending'`);
  const release = c.prepare(`update outbox set status = 'pending', claimed_by = null, claimed_until = null where id = ? and status = 'sending'`);
  const recover = c.transaction((now: number, except: string, gone: (owner: string) => boolean) => {
    let n = 0;
    for (const r of sending.all() as { id: number; owner: string | null; until: number | null }[]) {
      if (r.owner === except) continue;
      const expired = r.until === null || r.until < now || r.owner === null || gone(r.owner);
      if (expired) n += release.run(r.id).changes;
    }
    return n;
  });
  const backlog = c.prepare(
    `select sum(status = 'pending') as pending, sum(status = 'dead') as dead, min(case when status = 'pending' then created_at end) as oldest from outbox where status in ('pending', 'dead')`,
  );
  const byPlatform = c.prepare(
    `select substr(target, 1, instr(target, ':') - 1) as platform, sum(status = 'pending') as pending, sum(status = 'dead') as dead,
       min(case when status = 'pending' then created_at end) as oldest
     from outbox where status in ('pending', 'dead') group by platform`,
  );
  const prune = c.prepare(`delete from outbox where status = 'sent' and sent_at < ?`);
  const enqueueUpdate = c.transaction((ref: string, message: string, now: number) => {
    const replaced = replacePending.get(message, now, ref) as { id: number } | undefined;
    if (replaced) return replaced.id;
    return Number(insert.run({ op: 'update', target: ref, message, showKind: null, showId: null, now }).lastInsertRowid);
  });

  return {
    enqueuePost(chat, message, show, now) {
      return Number(insert.run({ op: 'post', target: chat, message: JSON.stringify(message), showKind: show?.kind ?? null, showId: show?.id ?? null, now: now.getTime() }).lastInsertRowid);
    },
    enqueuePrivate(to, message, near, now) {
      const stored: Stored = { ...message, recipient: { to, ...(near ? { near } : {}) } };
      return Number(insert.run({ op: 'private', target: `${to.platform}:${to.id}`, message: JSON.stringify(stored), showKind: null, showId: null, now: now.getTime() }).lastInsertRowid);
    },
    enqueueUpdate(ref, message, now) {
      return enqueueUpdate(ref, JSON.stringify(message), now.getTime());
    },
    claim(id, now, lease) {
      const r = claim.get({ id, owner: lease?.owner ?? null, until: lease ? now.getTime() + lease.ms : null }) as Row | undefined;
      return r ? toEntry(r) : undefined;
    },
    olderPostWaiting(id) {
      return olderWaiting.get({ id }) !== undefined;
    },
    due(now, limit) {
      return (due.all(now.getTime(), limit) as Row[]).map(toEntry);
    },
    sent(id, ref, now) {
      sent.run(ref, now.getTime(), id);
    },
    retry(id, error, nextAt) {
      retry.run(error, nextAt.getTime(), id);
    },
    dead(id, error) {
      dead.run(error, id);
    },
    dropped(id, error, now) {
      dropped.run(error, now.getTime(), id);
    },
    deadIn(chat) {
      return deadIn.get({ chat, prefix: `${chat.replace(/[\\%_]/g, (m) => `\\${m}`)}#%` }) as number;
    },
    deadLetters(limit) {
      return (deadLetters.all(limit) as { id: number; op: OutboxEntry['op']; target: string; attempts: number; error: string | null; createdAt: number; message: string }[]).map((r) => ({
        id: r.id,
        op: r.op,
        target: r.target,
        attempts: r.attempts,
        error: r.error,
        createdAt: new Date(r.createdAt),
        preview: previewOf(r.message),
      }));
    },
    requeue(id, now) {
      return requeue.run(now.getTime(), id).changes > 0;
    },
    recoverInterrupted(now, except, gone) {
      return recover.immediate(now.getTime(), except ?? '', gone ?? (() => false));
    },
    pruneSent(before) {
      return prune.run(before.getTime()).changes;
    },
    backlogByPlatform() {
      const rows = byPlatform.all() as { platform: string; pending: number; dead: number; oldest: number | null }[];
      return Object.fromEntries(rows.map((r) => [r.platform, { pending: r.pending, dead: r.dead, oldestPending: r.oldest === null ? null : new Date(r.oldest) }]));
    },
    backlog() {
      const r = backlog.get() as { pending: number | null; dead: number | null; oldest: number | null };
      return { pending: r.pending ?? 0, dead: r.dead ?? 0, oldestPending: r.oldest === null ? null : new Date(r.oldest) };
    },
  };
}

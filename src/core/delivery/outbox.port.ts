import type { ChatRef, MessageRef, OutboundMessage, PersonRef, RecordRef } from '../types';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

export interface OutboxEntry {
  id: number;
  /** `private`: a message for one person (Reply `private`). */
  op: 'post' | 'update' | 'private';
  /** ChatRef for posts, MessageRef for updates, `<platform>:<user id>` for a private message. */
  target: string;
  /** A private message's person, and the group chat a platform may fall back to. */
  recipient?: { to: PersonRef; near?: ChatRef };
  message: OutboundMessage;
  show: RecordRef | null;
  status: OutboxStatus;
  attempts: number;
  nextAt: Date;
}

export interface DeadLetter {
  id: number;
  op: OutboxEntry['op'];
  target: string;
  attempts: number;
  error: string | null;
  createdAt: Date;
  /** The message's text, for a person deciding whether to send it again. */
  preview: string;
}

export interface OutboxRepo {
  /** Persists a post; returns its id. */
  enqueuePost(chat: string, message: OutboundMessage, show: RecordRef | null, now: Date): number;
  /** Persists a private message for `to`; returns its id. */
  enqueuePrivate(to: PersonRef, message: OutboundMessage, near: ChatRef | null, now: Date): number;
  /** Persists a card update; a pending update of the same message is replaced (latest wins). */
  enqueueUpdate(ref: MessageRef, message: OutboundMessage, now: Date): number;
  /**
   * Marks the entry as being sent if it is still pending; undefined when someone else took it.
   * `lease`: the sending process, and how long it may take before another process may assume it
   * died and send the entry itself (none: at once).
   */
  claim(id: number, now: Date, lease?: { owner: string; ms: number }): OutboxEntry | undefined;
  /**
   * Whether an older post to the same chat as post `id` is still waiting (its platform failed it
   * and it waits for a retry): `id` then waits too, so a chat's posts go out in order.
   */
  olderPostWaiting(id: number): boolean;
  /** Pending entries due at `now`, oldest first. */
  due(now: Date, limit: number): OutboxEntry[];
  sent(id: number, ref: MessageRef | null, now: Date): void;
  retry(id: number, error: string, nextAt: Date): void;
  dead(id: number, error: string): void;
  /** Nothing left to send (its message was deleted): recorded as done, with why. */
  dropped(id: number, error: string, now: Date): void;
  /** Dead letters for this chat (posts to it, and updates of its messages). */
  deadIn(chat: string): number;
  /** Dead letters, oldest first (`npm run outbox -- list`). */
  deadLetters(limit: number): DeadLetter[];
  /** A dead letter back in the queue, due now, its attempts counted afresh; false if `id` is not one. */
  requeue(id: number, now: Date): boolean;
  /**
   * Entries left 'sending' by a process that died mid-send — their lease ended before `now` —
   * back to pending, to be sent again (the platform may or may not have received them). Entries
   * of `except` (this process) and of any process whose lease still runs are left alone: another
   * live process on the same file may be sending them right now — unless `gone` says that
   * process no longer runs. Returns how many.
   */
  recoverInterrupted(now: Date, except?: string, gone?: (owner: string) => boolean): number;
  backlog(now: Date): { pending: number; dead: number; oldestPending: Date | null };
  /** The backlog of each platform's sends (the platform is the target's prefix): one that is down shows on its own. */
  backlogByPlatform(now: Date): Record<string, { pending: number; dead: number; oldestPending: Date | null }>;
  /** Forgets entries sent before `before`; returns how many. */
  pruneSent(before: Date): number;
}

import type Database from 'better-sqlite3';
import type { Platforms } from './platforms';
import { ARCHIVED_CHANNEL, TELEGRAM_TOKEN } from './platforms';
import type { Delivery } from './ledger';
import type { Row } from './check-deliveries';
import { storedCount } from './check-deliveries';
import { SLACK_CHANNEL } from './traffic/slack';
import { TELEGRAM_CHAT } from './traffic/telegram';

// What the platforms got: each scheduled post (reminders, agendas, the weekly digest) due in
// the simulated span once in each home chat that takes posts, each proposal's card once; dead
// letters only for the channel that refuses everything; no Slack post twice under one outbox key.

const WEEKLY_MARK = '（每週自動發布；隨時可輸入 /report 查看最新摘要。）';

export interface PostsReport {
  rows: Row[];
  remindersDue: number;
  remindersPosted: number;
  deadLetters: number;
  deadLettersExpected: number;
  /** Outbox entries not sent when the run ended. */
  unsent: number;
  /** Slack messages posted again under an outbox key already posted. */
  slackKeyRepeats: number;
}

interface ChatPosts {
  chat: string;
  texts: string[];
}

function platformPosts(p: Platforms): ChatPosts[] {
  const slack = [...p.slack.messages.values()].filter((m) => m.channel === SLACK_CHANNEL).map((m) => m.text);
  const telegram = p.telegram.storage.botMessages.filter((m) => m.botToken === TELEGRAM_TOKEN && String(m.message.chat_id) === String(TELEGRAM_CHAT)).map((m) => String(m.message.text));
  return [
    { chat: `slack:${SLACK_CHANNEL}`, texts: slack },
    { chat: `telegram:${TELEGRAM_CHAT}`, texts: telegram },
  ];
}

export function checkPosts(db: Database.Database, p: Platforms, deliveries: readonly Delivery[], span: { from: number; to: number }): PostsReport {
  const jobs = db
    .prepare(`select kind, key, payload from jobs where kind in ('meetings.remind', 'meetings.agenda', 'reports.weekly') and due_at >= ? and due_at <= ?`)
    .all(span.from, span.to) as { kind: string; key: string; payload: string }[];
  const titles = new Map((db.prepare(`select id, title from meetings`).all() as { id: number; title: string }[]).map((m) => [m.id, m.title]));
  const chats = platformPosts(p);
  const scheduled: Row = { label: 'scheduled posts', sent: 0, acked: undefined, stored: 0, lost: 0, doubled: 0 };
  let remindersDue = 0;
  let remindersPosted = 0;
  let archivedDue = 0;
  // Expected and found per (chat, what): a reminder per due job, an agenda per meeting, a digest per week.
  for (const { chat, texts } of chats) {
    const want = new Map<string, { n: number; match: (t: string) => boolean; reminder: boolean }>();
    for (const j of jobs) {
      const meetingId = Number((JSON.parse(j.payload) as { meetingId?: unknown }).meetingId);
      const title = titles.get(meetingId) ?? '?';
      const key = j.kind === 'reports.weekly' ? 'weekly' : `${j.kind}:${meetingId}`;
      const match =
        j.kind === 'meetings.remind' ? (t: string) => t.includes(`⏰ 會議提醒：${title}（#${meetingId}）`) : j.kind === 'meetings.agenda' ? (t: string) => t.includes(`議程：${title}（#${meetingId}）`) : (t: string) => t.includes(WEEKLY_MARK);
      const w = want.get(key) ?? { n: 0, match, reminder: j.kind === 'meetings.remind' };
      w.n++;
      want.set(key, w);
    }
    for (const w of want.values()) {
      const found = texts.filter(w.match).length;
      scheduled.sent += w.n;
      scheduled.stored += Math.min(found, w.n);
      scheduled.lost += Math.max(0, w.n - found);
      scheduled.doubled += Math.max(0, found - w.n);
      if (w.reminder) {
        remindersDue += w.n;
        remindersPosted += found;
      }
    }
  }
  // The archived channel takes none: each of its posts is a dead letter, kept, not retried.
  archivedDue = db.prepare(`select count(*) from outbox where op = 'post' and target = ?`).pluck().get(`slack:${ARCHIVED_CHANNEL}`) as number;
  const dead = db.prepare(`select target, count(*) as n from outbox where status = 'dead' group by target`).all() as { target: string; n: number }[];
  const deadLetters = dead.reduce((s, d) => s + d.n, 0);
  // Cards: every stored proposal has its card once in the chat it was proposed in.
  const cards = new Map<string, Row>(['slack', 'telegram'].map((p) => [p, { label: `proposal cards (${p === 'slack' ? 'Slack' : 'Telegram'})`, sent: 0, acked: undefined, stored: 0, lost: 0, doubled: 0 }]));
  for (const d of deliveries) {
    if (d.expect.table !== 'issues' || storedCount(db, d.expect) === 0) continue;
    const id = db.prepare(`select id from issues where title = ?`).pluck().get(d.expect.title) as number;
    const texts = chats.find((c) => c.chat.startsWith(d.platform))!.texts;
    const found = texts.filter((t) => t.startsWith(`議題 #${id}：`) || t.startsWith(`<b>議題 #${id}：`)).length;
    const row = cards.get(d.platform)!;
    row.sent++;
    row.stored += Math.min(found, 1);
    row.lost += found === 0 ? 1 : 0;
    row.doubled += Math.max(0, found - 1);
  }
  const keys = new Map<string, number>();
  for (const m of p.slack.messages.values()) {
    const key = (m.metadata as { event_payload?: { key?: unknown } } | undefined)?.event_payload?.key;
    if (typeof key === 'string' || typeof key === 'number') keys.set(`${m.channel} ${key}`, (keys.get(`${m.channel} ${key}`) ?? 0) + 1);
  }
  const slackKeyRepeats = [...keys.values()].reduce((s, n) => s + n - 1, 0);
  const unsent = db.prepare(`select count(*) from outbox where status in ('pending', 'sending')`).pluck().get() as number;
  return { rows: [scheduled, ...cards.values()], remindersDue, remindersPosted, deadLetters, deadLettersExpected: archivedDue, unsent, slackKeyRepeats };
}

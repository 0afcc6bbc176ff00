import type { FakeSlack } from '../../../test/support/slack/fake-slack';
import type { Card, DbView } from '../db-view';
import type { Ledger, Kind, PlatformName } from '../ledger';
import type { Prng } from '../prng';
import { SLACK_CHANNEL, SLACK_FACILITATOR, type SlackSender } from './slack';
import { TELEGRAM_CHAT, TELEGRAM_FACILITATOR, type TelegramSender } from './telegram';

// The people of the network, at random (seeded): they react to cards, press their buttons,
// propose issues by slash command and Telegram command, and speak in meetings being recorded.
// Every delivery goes in the ledger with the row it must leave behind.

export const SLACK_CHAT = `slack:${SLACK_CHANNEL}`;
export const TELEGRAM_CHAT_REF = `telegram:${TELEGRAM_CHAT}`;
/** Slack resends an event three times; Telegram an update until it is answered (the soak stops at 12). */
const SLACK_EVENT_TRIES = 4;
const TELEGRAM_TRIES = 12;

export class Traffic {
  private n = 0;
  private updateId = 1_000;
  private cards: Card[] = [];
  private readonly recording = new Set<string>();

  constructor(
    private readonly rnd: Prng,
    private readonly ledger: Ledger,
    private readonly slack: SlackSender,
    private readonly telegram: TelegramSender,
    private readonly fakeSlack: FakeSlack,
    private readonly view: DbView,
    private readonly seed: number,
  ) {}

  /** Re-reads the cards and which chats record minutes (the database is the truth). */
  refresh(): void {
    this.cards = this.view.cards();
    for (const chat of [SLACK_CHAT, TELEGRAM_CHAT_REF]) {
      if (this.view.recording(chat)) this.recording.add(chat);
      else this.recording.delete(chat);
    }
  }

  isRecording(chat: string): boolean {
    return this.recording.has(chat);
  }

  /** A facilitator's /startmeeting or /endmeeting (control, not counted): resolves whether it was answered 2xx. */
  async meetingCommand(chat: string, command: '/startmeeting' | '/endmeeting'): Promise<boolean> {
    const status = chat === SLACK_CHAT ? await this.slack.command(command, '', SLACK_FACILITATOR, `ctl${++this.n}`) : await this.telegram.message(++this.updateId, TELEGRAM_FACILITATOR, command);
    return status >= 200 && status < 300;
  }

  /** One new delivery of a kind picked at random, sent now (its retries come later). */
  next(): Promise<void> {
    const lines = [...this.recording];
    const r = this.rnd.next();
    const kind: Kind = lines.length && r < 0.3 ? 'minutes lines' : r < 0.6 ? 'reactions' : r < 0.8 ? 'button votes' : 'commands';
    const platform: PlatformName = this.rnd.chance(0.5) ? 'slack' : 'telegram';
    const i = ++this.n;
    const ledger = this.ledger;
    if (kind === 'minutes lines') {
      const chat = this.rnd.pick(lines);
      const text = `會議發言 s${this.seed}-${i}：請各部會回報進度 ${this.rnd.int(1, 99)} 項`;
      if (chat === SLACK_CHAT) {
        const user = `US${this.rnd.int(1, 12)}`;
        return ledger.send(ledger.add({ kind, platform: 'slack', maxTries: SLACK_EVENT_TRIES, expect: { table: 'minutes_lines', chat, text }, attempt: (retry) => this.slack.message(`EvM${i}`, user, text, retry) }));
      }
      const update = ++this.updateId;
      const user = 600 + this.rnd.int(1, 12);
      return ledger.send(ledger.add({ kind, platform: 'telegram', maxTries: TELEGRAM_TRIES, expect: { table: 'minutes_lines', chat, text }, attempt: () => this.telegram.message(update, user, text) }));
    }
    if (kind === 'commands') {
      const title = `浸泡測試提案 s${this.seed} 第${i}號 ${TOPICS[this.rnd.int(0, TOPICS.length - 1)]}`;
      if (platform === 'slack') {
        const user = `UP${this.rnd.int(1, 30)}`;
        return ledger.send(ledger.add({ kind, platform, maxTries: 1, expect: { table: 'issues', title }, attempt: () => this.slack.command('/propose', title, user, `p${i}`) }));
      }
      const update = ++this.updateId;
      const user = 700 + this.rnd.int(1, 30);
      return ledger.send(ledger.add({ kind, platform, maxTries: TELEGRAM_TRIES, expect: { table: 'issues', title }, attempt: () => this.telegram.message(update, user, `/propose ${title}`) }));
    }
    const cards = this.cards.filter((c) => c.ref.startsWith(`${platform}:`));
    // No card on this platform yet: propose one instead (the first slices).
    if (!cards.length) return Promise.resolve();
    const card = this.rnd.pick(cards);
    const at = card.ref.slice(card.ref.indexOf('#') + 1);
    if (platform === 'slack') {
      const user = `${kind === 'reactions' ? 'UR' : 'UB'}${i}`;
      const expect = { table: 'votes' as const, issueId: card.issueId, platform, user };
      if (kind === 'reactions') {
        // What reactions.get answers, should the bot ask.
        this.fakeSlack.react(SLACK_CHANNEL, at, user, '+1', true);
        return ledger.send(ledger.add({ kind, platform, maxTries: SLACK_EVENT_TRIES, expect, attempt: (retry) => this.slack.reaction(`EvR${i}`, user, at, retry) }));
      }
      return ledger.send(ledger.add({ kind, platform, maxTries: 1, expect, attempt: () => this.slack.button(user, at, 'po:vote:0', String(card.issueId), `b${i}`) }));
    }
    const user = 100_000 + i;
    const update = ++this.updateId;
    const expect = { table: 'votes' as const, issueId: card.issueId, platform, user: String(user) };
    const messageId = Number(at);
    return kind === 'reactions'
      ? ledger.send(ledger.add({ kind, platform, maxTries: TELEGRAM_TRIES, expect, attempt: () => this.telegram.reaction(update, user, messageId) }))
      : ledger.send(ledger.add({ kind, platform, maxTries: TELEGRAM_TRIES, expect, attempt: () => this.telegram.button(update, user, messageId, `vote:${card.issueId}`) }));
  }
}

const TOPICS = ['公車路線整併', '長照據點', '校園午餐', '自行車道', '社宅申請', '數位身分', '防災演練', '里民活動中心', '河川整治', '路燈維護'];

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FakeSlack } from '../support/slack/fake-slack';
import { SIGNING_SECRET } from '../support/slack/signed';
import { tempDir } from '../support/app';
import { within } from '../telegram/support/net';
import { startEmulator, sentMessages, type Emulator } from '../telegram/support/emulator';
import { builtMain } from '../support/test-build';
import { Children, closed } from '../support/children';

// Issue 30, item 5: a proposal made on Telegram is mirrored to Slack. The real bot (this
// checkout's build) runs both platforms in a child process and is killed with SIGKILL between
// the copies: the Telegram card sent, the Slack copy in flight (Slack has it but the bot never
// hears back, or Slack never got it). After the restart each home chat has the card exactly once,
// and both copies are linked to the issue.

const ROOT = resolve(__dirname, '..', '..');
const TOKEN = '1001:crash-network-token';
const GROUP = -100800;

let fake: FakeSlack;
let emu: { server: Emulator; apiRoot: string };
let tmp: ReturnType<typeof tempDir>;
const children = new Children();
let starts = 0;

beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  emu = await startEmulator();
  tmp = tempDir();
  starts = 0;
  writeFileSync(join(tmp.dir, 'bot.config.json'), JSON.stringify({ meetings: { series: [], homeChats: ['slack:C1', `telegram:${GROUP}`], reminders: [] } }));
});

afterEach(async () => {
  await children.reap();
  await emu.server.stop();
  await fake.stop();
  tmp.cleanup();
});

function bot(): { child: ChildProcess; exited: Promise<unknown> } {
  const child = spawn(process.execPath, [builtMain()], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      BOT_CONFIG: join(tmp.dir, 'bot.config.json'),
      DATABASE_PATH: join(tmp.dir, 'bot.sqlite'),
      // Each start later than the one before, as a real restart is.
      BOT_NOW: new Date(Date.parse('2026-12-01T02:00:00Z') + starts++ * 60_000).toISOString(),
      SLACK_BOT_TOKEN: 'xoxb-crash-network',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      PORT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.resume();
  children.track(child);
  return { child, exited: closed(child) };
}

function query<T>(sql: string): T {
  const db = new Database(join(tmp.dir, 'bot.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as T;
  } finally {
    db.close();
  }
}
/** Resolves once `sql` (read from outside, as an operator would) gives at least `n`. */
async function until(sql: string, n: number, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; ; ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    try {
      if (query<number>(sql) >= n) return;
    } catch {
      // Not created yet by the first start.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
const telegramSent = `select count(*) from outbox where target = 'telegram:${GROUP}' and status = 'sent'`;
const links = `select count(*) from message_links where record_kind = 'issue' and record_id = 1`;
const slackCards = () => [...fake.messages.values()].filter((m) => m.channel === 'C1' && JSON.stringify(m.blocks).includes('議題 #1')).length;
const tgCards = () => sentMessages(emu.server, TOKEN).filter((m) => m.chatId === String(GROUP) && m.text.includes('<b>議題 #1')).length;
const toSlack = (p: Record<string, unknown>) => p.channel === 'C1' && JSON.stringify(p.blocks ?? '').includes('議題 #1');

async function propose(): Promise<void> {
  const amy = emu.server.getClient(TOKEN, { chatId: GROUP, userId: 11, firstName: 'Amy', userName: 'amy', type: 'supergroup', chatTitle: 'PO 群組' });
  await amy.sendCommand(amy.makeCommand('/propose 公車路線整併'));
}

test.each([
  ['Slack took the copy but the bot never heard back', true],
  ['Slack never got the copy', false],
])('kill -9 between the Telegram card and its Slack copy (%s): after the restart each chat has it once', async (_what, accept) => {
  const held = fake.hold('chat.postMessage', toSlack, { accept });
  let run = bot();
  await propose();
  await within(held, 20_000, 'the Slack copy on its way');
  // The Telegram card went out and was recorded; the Slack copy is in the send window.
  await until(telegramSent, 1, 'the Telegram card recorded as sent');
  run.child.kill('SIGKILL');
  await run.exited;
  expect(tgCards()).toBe(1);
  expect(slackCards()).toBe(accept ? 1 : 0);

  run = bot();
  await until(links, 2, 'both copies linked to the issue');
  run.child.kill('SIGTERM');
  await run.exited;
  expect(slackCards()).toBe(1);
  expect(tgCards()).toBe(1);
  // The Slack copy that was taken before the kill is found by its key, not posted again.
  if (accept) expect(fake.callsTo('conversations.history').length).toBeGreaterThan(0);
  expect(query<number>(`select count(*) from issues`)).toBe(1);
}, 90_000);

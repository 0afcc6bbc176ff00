import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FakeSlack } from '../support/slack/fake-slack';
import { SIGNING_SECRET } from '../support/slack/signed';
import { tempDir } from '../support/app';
import { within } from '../telegram/support/net';
import { COLLAB } from '../meetings/support';
import { builtMain } from '../support/test-build';
import { Children, closed } from '../support/children';

// Found by the chaos soak (npm run soak): at start-up the bot re-sent what a killed predecessor
// left mid-send BEFORE it listened for SIGTERM or started its scheduler. With a platform slow to
// answer, a stop asked for meanwhile killed it on the spot (the signal's default action: no
// drain, in-flight events cut off, sends left mid-way again for the next start), and no
// scheduled job ran until those re-sends were done: in a one-day soak, 30 lives in a row died
// this way and the day's jobs never ran.

const ROOT = resolve(__dirname, '..', '..');
const AGENDA_DUE = '2026-12-03T02:00:00Z';
let fake: FakeSlack;
let tmp: ReturnType<typeof tempDir>;
const children = new Children();

beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  tmp = tempDir();
  writeFileSync(join(tmp.dir, 'bot.config.json'), JSON.stringify({ meetings: { series: [COLLAB], horizonDays: 7, homeChats: ['slack:C1'], reminders: [] } }));
});

afterEach(async () => {
  await children.reap();
  await fake.stop();
  tmp.cleanup();
});

function bot(minutesAfterDue: number) {
  const child = spawn(process.execPath, [builtMain()], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      BOT_CONFIG: join(tmp.dir, 'bot.config.json'),
      DATABASE_PATH: join(tmp.dir, 'bot.sqlite'),
      BOT_NOW: new Date(Date.parse(AGENDA_DUE) + minutesAfterDue * 60_000).toISOString(),
      SLACK_BOT_TOKEN: 'xoxb-stop-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  children.track(child);
  return { child, exited: closed(child), log: () => log };
}

test('SIGTERM while start-up re-sends what a killed run left: a clean stop (exit 0) that finishes the re-send, once', async () => {
  // 1. The agenda's post is on its way to Slack when the bot is killed: left mid-send.
  const held = fake.hold('chat.postMessage');
  let run = bot(1);
  await within(held, 20_000, 'the agenda post');
  run.child.kill('SIGKILL');
  await run.exited;

  // 2. Restarted: the re-send first asks Slack whether the post arrived, and Slack is slow.
  const slow = fake.gate('conversations.history');
  run = bot(2);
  await within(slow.arrived, 20_000, 'the re-send asking Slack');
  await within(
    new Promise<void>((ok) => {
      const seen = () => /"msg":"http server listening/.test(run.log());
      if (seen()) ok();
      else run.child.stderr!.on('data', () => seen() && ok());
    }),
    20_000,
    'the port',
  );
  run.child.kill('SIGTERM');
  // Slack answers a moment later; the stop finishes the re-send and exits cleanly.
  await new Promise((r) => setTimeout(r, 300));
  slow.open();
  const end = await within(run.exited, 20_000, 'the exit');
  // Before: killed by the signal itself ({ code: null, signal: 'SIGTERM' }).
  expect(end).toEqual({ code: 0, signal: null });
  expect([...fake.messages.values()].filter((m) => m.channel === 'C1' && `${m.text}${JSON.stringify(m.blocks)}`.includes('議程'))).toHaveLength(1);
}, 90_000);

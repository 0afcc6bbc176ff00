import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { say, CHAT } from '../cases/helpers';
import type { InboundEvent } from '../../src/core/types';
import { closed } from '../support/children';
import { MEETING_START, ballotApp, po, proposeSix, registerPOs, type BallotApp } from './helpers';

// Issue 28: two POs of one agency voting at the same instant, each through another process on the
// same database file, end with one consistent choice of at most K (each vote is one transaction
// that takes the write lock first; the database's trigger refuses a K+1th vote whatever writes it).

const ROOT = resolve(__dirname, '..', '..');
let t: BallotApp;
let b: { child: ChildProcessWithoutNullStreams; send(cmd: object): Promise<Record<string, unknown>>; close(): Promise<void> };

async function second(file: string): Promise<typeof b> {
  const config = JSON.stringify({ facilitators: ['console:pdis'] });
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'second-process.ts'), file, config, MEETING_START.toISOString()], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  void closed(child);
  child.stderr.resume();
  const answers: ((o: Record<string, unknown>) => void)[] = [];
  const ready = new Promise<void>((r) => answers.push(() => r()));
  createInterface({ input: child.stdout }).on('line', (l) => answers.shift()?.(JSON.parse(l) as Record<string, unknown>));
  await ready;
  return {
    child,
    send: (cmd) =>
      new Promise((r) => {
        answers.push(r);
        child.stdin.write(JSON.stringify(cmd) + '\n');
      }),
    close: async () => {
      child.stdin.end();
      await closed(child);
    },
  };
}

beforeAll(async () => {
  t = ballotApp();
  const { app } = t;
  await registerPOs(app);
  await say(app, 'po0b', '/iam 交通部');
  await proposeSix(app);
  await say(app, 'pdis', '/slate add #1 #2 #3 #4 #5 #6');
  app.clock.set(MEETING_START);
  await say(app, 'pdis', '/ballot open 1h votes 3');
  b = await second(join(app.dir, 'test.sqlite'));
}, 30_000);

afterAll(async () => {
  await b?.close();
  t?.app.cleanup();
});

const actor = (id: string) => ({ platform: 'console' as const, id, name: id });
const command = (who: string, args: string): InboundEvent => ({ kind: 'command', name: 'ballot', args, actor: actor(who), chat: CHAT });
const press = (who: string, ballot: number, issue: number): InboundEvent => ({ kind: 'button', action: 'ballot.toggle', value: `${ballot}:${issue}`, target: `${CHAT}#1`, actor: actor(who), chat: CHAT });

function choice(): number[] {
  const { app } = t;
  return app.store.ballots.choices(app.store.ballots.current()!.id, app.bot.services.people.agencies.find('交通部')!.id);
}

test('the last vote of an agency pressed in two processes at once: one counts, the other is told there is none left', async () => {
  const id = t.app.store.ballots.current()!.id;
  for (let round = 0; round < 6; round++) {
    await say(t.app, po(0), '/ballot vote #1 #3');
    const [here, there] = await Promise.all([t.app.bot.dispatch(press(po(0), id, 4)), b.send({ op: 'dispatch', event: press('po0b', id, 5) })]);
    const answers = [here ? here.message.text.join('') : '', String(there.answer)];
    expect(answers.filter((a) => a.includes('都投了'))).toHaveLength(1);
    const now = choice();
    expect(now).toHaveLength(3);
    expect([[1, 3, 4], [1, 3, 5]]).toContainEqual(now);
  }
}, 60_000);

test('two whole choices sent at once: the agency ends with one of them, never a mix', async () => {
  for (let round = 0; round < 6; round++) {
    await Promise.all([t.app.bot.dispatch(command(po(0), 'vote #1 #2 #3')), b.send({ op: 'dispatch', event: command('po0b', 'vote #4 #5 #6') })]);
    expect([[1, 2, 3], [4, 5, 6]]).toContainEqual(choice());
  }
}, 60_000);

test('the database itself refuses a fourth vote, whatever writes it', () => {
  const { app } = t;
  const id = app.store.ballots.current()!.id;
  const agency = app.bot.services.people.agencies.find('交通部')!.id;
  app.store.ballots.setChoices(id, agency, [1, 2, 3], 1, app.clock.now());
  expect(() => app.db.$client.prepare('insert into ballot_votes (ballot_id, agency_id, issue_id, user_id, at) values (?, ?, 4, 1, 0)').run(id, agency)).toThrow(/no votes left/);
  expect(choice()).toEqual([1, 2, 3]);
});

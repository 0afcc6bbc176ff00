import { testApp, type TestApp } from '../support/app';
import { COLLAB } from '../meetings/support';
import { parseCommandLine } from '../../src/core/input/command-line';
import { richToPlain, type Actor, type ChatRef, type InboundEvent } from '../../src/core/types';
import { translator } from '../../src/i18n/catalog';

// Issue 23, item 1: a stranger who finds the bot acts as a PO in a private chat. The network
// is its home chats (with none configured for a platform, the groups the bot is in); privately,
// or in a group that is not the network's, only members may use the bot, and a refusal stores
// nothing at all. Platform mechanics (getChatMember, Slack workspaces, leave events) are tested
// through the real adapters in test/telegram/members.test.ts and test/slack/members.test.ts.

const t = translator('zh-TW');
const REFUSED = t('common.membersOnly');
const GROUP: ChatRef = 'telegram:-1001';
const OTHER_GROUP: ChatRef = 'telegram:-1002';

const stranger: Actor = { platform: 'telegram', id: '666', name: 'Stranger' };
const amy: Actor = { platform: 'telegram', id: '21', name: 'Amy' };
const dm = (a: Actor): ChatRef => `telegram:${a.id}`;

let app: TestApp;
afterEach(() => app?.cleanup());

function eventOf(a: Actor, line: string, chat: ChatRef, direct: boolean): InboundEvent {
  const m = parseCommandLine(line);
  const base = { actor: a, chat, ...(direct ? { direct: true } : {}) };
  return m ? { ...base, kind: 'command', name: m.name, args: m.args } : { ...base, kind: 'message', text: line };
}

async function say(a: Actor, line: string, chat: ChatRef = dm(a)): Promise<string> {
  const answer = await app.bot.dispatch(eventOf(a, line, chat, chat === dm(a)));
  return answer ? richToPlain(answer.message.text) : '';
}

/** Every row of every table: a refusal must leave all of them as they were. */
function everything(): Record<string, unknown[]> {
  const db = app.db.$client;
  const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((n) => [n, db.prepare(`select * from "${n}"`).all()]));
}

/** A network with work in it: an issue, a case led by 交通部 with an open item, a meeting ahead. */
async function seeded(config: Record<string, unknown> = {}): Promise<void> {
  app = testApp({ facilitators: ['console:pdis'], meetings: { series: [COLLAB], horizonDays: 45 }, ...config });
  app.meetings.expand(app.clock.now());
  const pdis: Actor = { platform: 'console', id: 'pdis', name: 'pdis' };
  for (const line of ['/propose 公路監理數位化', '/select 1', '/case 1 lead 交通部', '/action 交通部 提供資料 due 2026-12-20', '/propose 第二個議題']) {
    await app.bot.dispatch({ kind: 'command', ...parseCommandLine(line)!, actor: pdis, chat: 'console:main' });
  }
}

const REPRODUCTIONS = ['/web', '/iam 交通部', '/vote 2', '/export issues', '/done 1', '/propose 陌生人的議題', '/agenda add 陌生人的臨時動議', '/whois 交通部', '/guide', 'hello'];

test.each(REPRODUCTIONS)('a stranger privately, default empty roster: %s is refused and nothing is stored', async (line) => {
  await seeded();
  const before = everything();
  expect(await say(stranger, line)).toBe(REFUSED);
  expect(everything()).toEqual(before);
});

test('the whole reproduction in a row: nothing the stranger did shows anywhere, /whois does not list them', async () => {
  await seeded();
  for (const line of REPRODUCTIONS) expect(await say(stranger, line)).toBe(REFUSED);
  const users = app.db.$client.prepare(`select platform_user_id from users where platform = 'telegram'`).pluck().all();
  expect(users).toEqual([]);
  expect(app.store.actions.get(1)!.status).toBe('open');
  expect(await say(amy, '/whois 交通部', GROUP)).not.toContain('Stranger');
});

test('someone seen in the network’s group may use the bot privately, until seen leaving it', async () => {
  await seeded();
  expect(await say(amy, '/iam 交通部')).toBe(REFUSED);
  await say(amy, '大家好', GROUP);
  expect(await say(amy, '/iam 交通部')).toContain('交通部');
  expect(await say(amy, '/vote 2')).toContain('已投票支持議題 #2');

  await app.bot.dispatch({ kind: 'leave', actor: amy, chat: GROUP });
  const before = everything();
  expect(await say(amy, '/vote 1')).toBe(REFUSED);
  expect(await say(amy, '/done 1')).toBe(REFUSED);
  expect(everything()).toEqual(before);

  // Back in the group: a member again.
  await say(amy, '/help', GROUP);
  expect(await say(amy, '/iam')).toContain('交通部');
});

test('leaving a group that is not the network’s changes nothing; a leave by a stranger stores nothing', async () => {
  await seeded({ meetings: { series: [COLLAB], horizonDays: 45, homeChats: [GROUP] } });
  await say(amy, '/help', GROUP);
  const before = everything();
  await app.bot.dispatch({ kind: 'leave', actor: amy, chat: OTHER_GROUP });
  await app.bot.dispatch({ kind: 'leave', actor: stranger, chat: OTHER_GROUP });
  expect(everything()).toEqual(before);
  expect(await say(amy, '/iam')).not.toBe(REFUSED);
});

test('roster entries and facilitators are members by configuration', async () => {
  await seeded({ roster: [{ user: 'telegram:31', agency: '交通部', name: '王小明' }], facilitators: ['console:pdis', 'telegram:41'] });
  expect(await say({ platform: 'telegram', id: '31', name: '王小明' }, '/iam')).toContain('交通部');
  expect(await say({ platform: 'telegram', id: '41', name: 'PDIS' }, '/cases')).not.toBe(REFUSED);
});

test('with home chats configured, a group that is not one of them is not the network: strangers there are refused', async () => {
  await seeded({ meetings: { series: [COLLAB], horizonDays: 45, homeChats: [GROUP] } });
  const before = everything();
  expect(await say(stranger, '/propose 別的群組的議題', OTHER_GROUP)).toBe(REFUSED);
  expect(await say(stranger, '/iam 交通部', OTHER_GROUP)).toBe(REFUSED);
  // Chat lines and reactions there get no answer and are not recorded either.
  expect(await say(stranger, '隨便聊聊', OTHER_GROUP)).toBe('');
  expect(await app.bot.dispatch({ kind: 'reaction', emoji: '👍', added: true, target: `${OTHER_GROUP}#5`, actor: stranger, chat: OTHER_GROUP })).toBeUndefined();
  expect(everything()).toEqual(before);
  // In the home group the same person is part of the network.
  expect(await say(stranger, '/iam 交通部', GROUP)).toContain('交通部');
  expect(await say(stranger, '/iam', OTHER_GROUP)).toContain('交通部');
});

test('a platform that confirms membership (its answer remembered briefly) lets a member in; a no is a refusal', async () => {
  await seeded({ meetings: { series: [COLLAB], horizonDays: 45, homeChats: [GROUP] } });
  const asked: string[] = [];
  app.membership.setPlatformCheck(async (a, chats) => {
    asked.push(`${a.id}@${chats.join(',')}`);
    return a.id === amy.id;
  });
  expect(await say(amy, '/iam 交通部')).toContain('交通部');
  expect(await say(amy, '/iam')).toContain('交通部');
  expect(asked).toEqual([`21@${GROUP}`]);
  const before = everything();
  expect(await say(stranger, '/web')).toBe(REFUSED);
  expect(await say(stranger, '/web')).toBe(REFUSED);
  expect(asked).toEqual([`21@${GROUP}`, `666@${GROUP}`]);
  expect(everything()).toEqual(before);
  // After ten minutes the platform is asked again.
  app.clock.advance(11 * 60_000);
  await say(amy, '/iam');
  expect(asked).toHaveLength(3);
});

test('the console is the network: its users are members', async () => {
  await seeded();
  const said = await app.bot.dispatch({ kind: 'command', name: 'iam', args: '交通部', actor: { platform: 'console', id: 'zoe', name: 'zoe' }, chat: 'console:main' });
  expect(richToPlain(said!.message.text)).toContain('交通部');
});

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { readEnv } from '../../src/config/env';
import { ConfigError, loadConfigFile } from '../../src/config/load';
import { AdapterHub } from '../../src/adapters/hub';
import { Outbox } from '../../src/core/delivery/outbox';
import { AdjustableClock } from '../../src/core/clock';
import { silentLogger } from '../../src/core/logger';
import { RequestStats } from '../../src/http/request-stats';
import { platforms } from '../../src/platforms/registry';
import { platformsToRun } from '../../src/platforms/select';
import { tempDir } from '../support/app';
import { templateDatabase } from '../support/test-build';
import { memchatPlatform } from './memchat/memchat.platform';
import type { MemChatAdapter } from './memchat/memchat.adapter';

// A platform added from outside src/: test/platforms/memchat/ holds its descriptor and adapter,
// and the one registration below is all it takes. Nothing under src/ knows its name. It runs
// /propose, a vote and the card's edit through the real core, store and outbox, wired the way
// src/main.ts wires them, with a config that names its chats.

let unregister: () => void;
let app: App | undefined;
let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  unregister = platforms.register(memchatPlatform);
  dir = tempDir('po-bot-memchat-');
});
afterAll(() => {
  app?.close();
  dir.cleanup();
  unregister();
});

test('a platform registered from a test folder runs /propose, a vote and a card edit through the real core', async () => {
  // Its chats and people in bot.config.json are accepted because it is registered.
  const configPath = join(dir.dir, 'bot.config.json');
  writeFileSync(configPath, JSON.stringify({ facilitators: ['memchat:pdis'], meetings: { homeChats: ['memchat:lobby'] } }));
  const env = readEnv({ BOT_CONFIG: configPath, MEMCHAT_ROOMS: 'lobby' });
  const config = loadConfigFile(env.BOT_CONFIG);
  expect(config.meetings.homeChats).toEqual(['memchat:lobby']);

  // Its variable decides that it runs, and, as a networked platform, that the console does not.
  const { running, networked } = platformsToRun(env);
  expect(running.map((p) => p.name)).toEqual(['memchat']);
  expect(networked.map((p) => p.name)).toEqual(['memchat']);
  for (const p of running) p.checkSettings?.(env);

  const clock = new AdjustableClock(new Date('2026-12-01T02:00:00Z'));
  const databasePath = join(dir.dir, 'bot.sqlite');
  copyFileSync(templateDatabase(true), databasePath);
  app = createApp({ config, databasePath, clock, logger: silentLogger });
  const hub = new AdapterHub();
  const outbox = new Outbox(app.store.outbox, hub, app.store.links, clock, silentLogger);
  app.bot.setDelivery(outbox);
  const started = [];
  for (const p of running) {
    started.push(
      await p.start({
        env,
        config,
        hub,
        dispatch: (e, hooks) => app!.bot.dispatch(e, hooks),
        listCommands: () => app!.bot.listCommands(),
        logger: silentLogger,
        clock,
        db: app.db,
        json: false,
        tick: async () => undefined,
        mount: () => {
          throw new Error('memchat serves no webhook');
        },
        requests: new RequestStats(),
        onFatal: (e) => {
          throw e;
        },
      }),
    );
  }
  const chat = started[0] as MemChatAdapter;
  expect(hub.list().map((a) => a.platform)).toEqual(['memchat']);

  await chat.say('bob', 'lobby', '/iam 勞動部');
  await chat.say('amy', 'lobby', '/propose 公車路線整併 #交通部');
  await app.bot.drain();
  const [cardRef, card] = [...chat.messages].at(-1)!;
  expect(cardRef).toMatch(/^memchat:lobby#\d+$/);
  expect(card.text).toContain('公車路線整併');
  expect(card.edits).toBe(0);

  // A reaction vote, stored once; the card is edited in place to show it.
  await chat.react('bob', cardRef, '👍');
  await app.bot.drain();
  expect(app.db.$client.prepare('select count(*) as n from votes').get()).toEqual({ n: 1 });
  expect(card.edits).toBe(1);
  expect(card.text).toContain('1 票');

  // A platform that cannot edit messages keeps its cards as posted: the vote counts, no edit is sent.
  memchatPlatform.capabilities.editsMessages = false;
  try {
    await chat.react('pdis', cardRef, '👍');
    await app.bot.drain();
  } finally {
    memchatPlatform.capabilities.editsMessages = true;
  }
  expect(app.db.$client.prepare('select count(*) as n from votes').get()).toEqual({ n: 2 });
  expect(card.edits).toBe(1);

  // Its capabilities, not its name, decide: no private answer in a room, so /web says to ask privately.
  expect(await chat.say('amy', 'lobby', '/web')).toContain('私訊');
  // /confirm's help shows an id of this platform.
  expect(await chat.say('pdis', 'lobby', '/confirm amy')).toContain('memchat:amy');

  await outbox.close();
  for (const a of hub.list()) await a.stop();
});

test("its settings check runs with the others and stops the start with the platform's own message", () => {
  expect(() => memchatPlatform.checkSettings!(readEnv({ MEMCHAT_ROOMS: 'lobby,Bad Room' }) as never)).toThrow(ConfigError);
  expect(() => readEnv({ MEMCHAT_ROOMS: 'x'.repeat(201) })).toThrow(/MEMCHAT_ROOMS/);
});

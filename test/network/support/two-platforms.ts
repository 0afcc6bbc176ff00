import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AdapterHub } from '../../../src/adapters/hub';
import { Outbox } from '../../../src/core/delivery/outbox';
import { SlackAdapter } from '../../../src/adapters/slack/slack.adapter';
import { TelegramAdapter } from '../../../src/adapters/telegram/telegram.adapter';
import type { Dispatch } from '../../../src/adapters/chat-adapter';
import { testApp, type TestApp } from '../../support/app';
import { RecordingLogger } from '../../support/recording-logger';
import { FakeSlack } from '../../support/slack/fake-slack';
import { commandPayload, reactionPayload, sendSigned, SIGNING_SECRET } from '../../support/slack/signed';
import { startEmulator, type Emulator } from '../../telegram/support/emulator';

export const TOKEN = '1001:network-test-token';
export const GROUP = -100700;
export const SLACK_HOME = 'slack:C1';
export const TG_HOME = `telegram:${GROUP}`;

export interface TwoPlatforms {
  app: TestApp;
  fake: FakeSlack;
  emu: Emulator;
  slack: SlackAdapter;
  telegram: TelegramAdapter;
  outbox: Outbox;
  logger: RecordingLogger;
  /** A signed slash command to the Bolt app over HTTP; resolves when handled and its cards sent. */
  slackCommand(command: string, text: string, user: string, channel?: string): Promise<number>;
  slackReaction(user: string, ts: string, added?: boolean): Promise<number>;
  /** A Telegram user of the emulator: in the home group, or their private chat with the bot. */
  tgClient(userId: number, firstName: string, type?: 'supergroup' | 'private'): ReturnType<Emulator['getClient']>;
  /** An update the emulator cannot produce (a reaction), handed to the real telegraf bot. */
  tgUpdate(update: object): Promise<void>;
  settled(): Promise<void>;
  close(): Promise<void>;
}

let ids = 0;

/**
 * One process, one database, one outbox and hub in front of BOTH real adapters, as main.ts runs
 * them: the Bolt app on a signed HTTP receiver talking to the fake Slack Web API, and the telegraf
 * bot long polling telegram-test-api.
 */
export async function twoPlatforms(config: Record<string, unknown> = {}, slackMode: 'http' | 'socket' = 'http'): Promise<TwoPlatforms> {
  const fake = new FakeSlack();
  await fake.start();
  const socket = slackMode === 'socket' ? await slackSocketServer(fake) : undefined;
  const { server: emu, apiRoot } = await startEmulator();
  const app = testApp({ meetings: { homeChats: [SLACK_HOME, TG_HOME] }, ...config });
  const logger = new RecordingLogger();
  const hub = new AdapterHub();
  const outbox = new Outbox(app.store.outbox, hub, app.store.links, app.clock, logger);
  app.bot.setDelivery(outbox);
  app.membership.setPlatformCheck((actor, chats) => hub.isMember(actor, chats));
  const slack = new SlackAdapter({
    token: 'xoxb-test-token',
    connection: socket ? { mode: 'socket', appToken: 'xapp-test-token' } : { mode: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
    apiUrl: fake.apiUrl,
    locale: app.config.locale,
    voteReactions: app.config.voting.reactions,
    logger,
    clock: app.clock,
    processBeforeResponse: true,
    retryConfig: { retries: 0 },
    sleep: async () => undefined,
    cardUpdateIntervalMs: 0,
    updateGapMs: 0,
  });
  const telegram = new TelegramAdapter({
    token: TOKEN,
    apiRoot,
    mode: { kind: 'polling' },
    locale: app.config.locale,
    voteReactions: app.config.voting.reactions,
    voteEmoji: app.config.voting.emoji,
    listCommands: () => app.bot.listCommands(),
    logger,
    sleep: async () => undefined,
    editIntervalMs: 0,
    chatEditGapMs: 0,
    onFatal: (e) => logger.error({ err: e }, 'telegram fatal'),
  });
  hub.add(slack);
  hub.add(telegram);
  const dispatch: Dispatch = (e, hooks) => app.bot.dispatch(e, hooks);
  await slack.start(dispatch);
  await telegram.start(dispatch);
  if (socket) await socket.connected;
  const eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;
  /** Over HTTP the signed request's status; over Socket Mode 200 once Slack's side got the envelope's ack. */
  const toSlack = async (type: 'slash_commands' | 'events_api', body: Record<string, unknown>): Promise<number> => {
    if (socket) {
      await socket.send(type, body);
      return 200;
    }
    const res =
      type === 'slash_commands'
        ? await sendSigned(eventsUrl, new URLSearchParams(body as Record<string, string>).toString(), 'application/x-www-form-urlencoded')
        : await sendSigned(eventsUrl, JSON.stringify(body), 'application/json');
    return res.status;
  };
  const settled = async () => {
    await slack.idle();
    await telegram.idle();
    await app.bot.drain();
    await slack.settled();
    await telegram.idle();
  };
  return {
    app,
    fake,
    emu,
    slack,
    telegram,
    outbox,
    logger,
    async slackCommand(command, text, user, channel = 'C1') {
      const status = await toSlack('slash_commands', commandPayload({ command, text, user, channel, responseUrl: fake.responseUrl(`n${++ids}`) }));
      await settled();
      return status;
    },
    async slackReaction(user, ts, added = true) {
      const status = await toSlack('events_api', reactionPayload({ eventId: `EvN${++ids}`, type: added ? 'reaction_added' : 'reaction_removed', user, channel: 'C1', ts }));
      await settled();
      return status;
    },
    tgClient(userId, firstName, type = 'supergroup') {
      return emu.getClient(TOKEN, { chatId: type === 'private' ? userId : GROUP, userId, firstName, userName: `user${userId}`, type, chatTitle: 'PO 群組' });
    },
    async tgUpdate(update) {
      await telegram.handleUpdate(update as never);
      await settled();
    },
    settled,
    async close() {
      await telegram.stop();
      await slack.stop();
      await outbox.close();
      await emu.stop();
      await fake.stop();
      await socket?.close();
      app.cleanup();
    },
  };
}

/**
 * Slack's side of Socket Mode: the fake Web API's apps.connections.open hands out this server's
 * ws:// URL; it says hello, sends envelopes and resolves each when the app acknowledges it.
 */
async function slackSocketServer(fake: FakeSlack) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  fake.wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=t1&app_id=A1`;
  const acks = new Map<string, () => void>();
  let envelopes = 0;
  const connected = new Promise<WebSocket>((resolve) =>
    wss.once('connection', (s) => {
      s.on('message', (data) => acks.get((JSON.parse(String(data)) as { envelope_id: string }).envelope_id)?.());
      s.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
      resolve(s);
    }),
  );
  return {
    connected,
    async send(type: string, payload: unknown): Promise<void> {
      const sock = await connected;
      const id = `env-${++envelopes}`;
      const acked = new Promise<void>((resolve) => acks.set(id, resolve));
      sock.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      await acked;
    },
    async close(): Promise<void> {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

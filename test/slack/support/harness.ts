import type { ChatRef, InboundEvent } from '../../../src/core/types';
import { translator } from '../../../src/i18n/catalog';
import { AdapterHub } from '../../../src/adapters/hub';
import { Outbox } from '../../../src/core/delivery/outbox';
import { SlackAdapter, type SlackAdapterOptions } from '../../../src/adapters/slack/slack.adapter';
import type { RequestStats } from '../../../src/http/request-stats';
import { testApp, type TestApp } from '../../support/app';
import { RecordingLogger } from '../../support/recording-logger';
import { FakeSlack } from '../../support/slack/fake-slack';
import { buttonPayload, commandPayload, reactionPayload, sendSigned, SIGNING_SECRET, type SendOptions } from '../../support/slack/signed';

export interface SlackHarness {
  app: TestApp;
  fake: FakeSlack;
  adapter: SlackAdapter;
  /** The bot's Delivery, as in main.ts: the persisted outbox in front of the hub. */
  outbox: Outbox;
  logger: RecordingLogger;
  /** Every Retry-After wait the adapter asked for, in ms (nothing really sleeps). */
  waits: number[];
  eventsUrl: string;
  command(command: string, text: string, user?: string, o?: SendOptions & { channel?: string }): Promise<{ status: number; text: string }>;
  reaction(f: Parameters<typeof reactionPayload>[0], o?: SendOptions): Promise<{ status: number; text: string }>;
  button(f: Omit<Parameters<typeof buttonPayload>[0], 'responseUrl'>, o?: SendOptions): Promise<{ status: number; text: string }>;
  votes(): number;
  /** Resolves once `count` events matching `pred` have been fully handled by the core. */
  dispatched(pred: (e: InboundEvent) => boolean, count?: number): Promise<void>;
  /** Every event handled, every card refresh the core started done and sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

let responseIds = 0;

/**
 * The real app (real SQLite, real migrations) behind the real Outbox, AdapterHub and
 * SlackAdapter on a real Bolt receiver on 127.0.0.1, talking to a fake Slack Web API on
 * 127.0.0.1. The outbox's timer is not started: a test flushes it after moving the clock.
 */
export interface HarnessOptions {
  mode?: 'http' | 'socket';
  wsUrl?: string;
  cardUpdateIntervalMs?: number;
  updateGapMs?: number;
  /** Replaces the recording no-op sleep (a test that holds the throttle's wait open). */
  sleep?: (ms: number) => Promise<void>;
  /** Awaited before an event reaches the bot (a test that holds an event before it is stored). */
  beforeDispatch?: (e: InboundEvent) => Promise<void>;
  /** The HTTP edge's limits (tests of the edge itself). */
  edge?: SlackAdapterOptions['edge'];
  stats?: RequestStats;
  /** The Web API client's own retries (default none here; production's default is 3). */
  retryConfig?: SlackAdapterOptions['retryConfig'];
}

export async function slackHarness(config: Record<string, unknown> = {}, o: HarnessOptions = {}): Promise<SlackHarness> {
  const { mode = 'http', wsUrl = '' } = o;
  const fake = new FakeSlack();
  await fake.start();
  fake.wsUrl = wsUrl;
  const app = testApp(config);
  const logger = new RecordingLogger();
  const waits: number[] = [];
  const adapter = new SlackAdapter({
    token: 'xoxb-test-token',
    connection: mode === 'socket' ? { mode: 'socket', appToken: 'xapp-test-token' } : { mode: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
    apiUrl: fake.apiUrl,
    locale: app.config.locale,
    voteReactions: app.config.voting.reactions,
    logger,
    clock: app.clock,
    processBeforeResponse: true,
    retryConfig: o.retryConfig ?? { retries: 0 },
    sleep: o.sleep ?? (async (ms) => void waits.push(ms)),
    cardUpdateIntervalMs: o.cardUpdateIntervalMs ?? 0,
    updateGapMs: o.updateGapMs ?? 0,
    edge: o.edge,
    stats: o.stats,
  });
  const hub = new AdapterHub();
  hub.add(adapter);
  // As main.ts: the facilitators hear of dead letters privately.
  const outbox = new Outbox(app.store.outbox, hub, app.store.links, app.clock, logger, {
    deadLetterNotice: { to: () => app.config.facilitators.map((f) => f as ChatRef), message: (d) => ({ text: [translator(app.config.locale)('delivery.deadLetter', d)] }) },
  });
  app.bot.setDelivery(outbox);
  // The far side of the adapter's Dispatch is the real bot; this only observes completions so
  // Socket Mode tests (acknowledged before handling) can wait without sleeping.
  const done: InboundEvent[] = [];
  const waiting: { pred: (e: InboundEvent) => boolean; count: number; resolve: () => void }[] = [];
  const settle = () => {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i]!;
      if (done.filter(w.pred).length >= w.count) {
        waiting.splice(i, 1);
        w.resolve();
      }
    }
  };
  await adapter.start(async (e, hooks) => {
    await o.beforeDispatch?.(e);
    const answer = await app.bot.dispatch(e, hooks);
    done.push(e);
    settle();
    return answer;
  });
  const eventsUrl = `http://127.0.0.1:${adapter.port ?? 0}/slack/events`;
  // The core updates cards in the background (an answer does not wait for them).
  const settled = async () => {
    await adapter.idle();
    await app.bot.drain();
    await adapter.settled();
  };
  return {
    app,
    fake,
    adapter,
    outbox,
    logger,
    waits,
    eventsUrl,
    // Each helper resolves once the request is answered and its card updates are sent.
    async command(command, text, user = 'UAMY', o = {}) {
      const f = commandPayload({ command, text, user, channel: o.channel, responseUrl: fake.responseUrl(`r${++responseIds}`) });
      const res = await sendSigned(eventsUrl, new URLSearchParams(f).toString(), 'application/x-www-form-urlencoded', o);
      await settled();
      return res;
    },
    async reaction(f, o = {}) {
      const res = await sendSigned(eventsUrl, JSON.stringify(reactionPayload(f)), 'application/json', o);
      await settled();
      return res;
    },
    async button(f, o = {}) {
      const payload = buttonPayload({ ...f, responseUrl: fake.responseUrl(`r${++responseIds}`) });
      const res = await sendSigned(eventsUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', o);
      await settled();
      return res;
    },
    dispatched(pred, count = 1) {
      return new Promise<void>((resolve) => {
        waiting.push({ pred, count, resolve });
        settle();
      });
    },
    votes: () => (app.db.$client.prepare('select count(*) as n from votes').get() as { n: number }).n,
    settled,
    async close() {
      await adapter.stop();
      await outbox.close();
      await fake.stop();
      app.cleanup();
    },
  };
}

/** The text of every mrkdwn/plain text object in a message's blocks, joined. */
export function blocksText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

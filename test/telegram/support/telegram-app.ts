import { AdapterHub } from '../../../src/adapters/hub';
import type { Dispatch } from '../../../src/adapters/chat-adapter';
import { TelegramAdapter, type TelegramMode } from '../../../src/adapters/telegram/telegram.adapter';
import { testApp, type TestApp } from '../../support/app';
import { RecordingLogger } from '../../support/recording-logger';
import { Outbox } from '../../../src/core/delivery/outbox';

export interface TelegramTestApp {
  app: TestApp;
  adapter: TelegramAdapter;
  outbox?: Outbox;
  logger: RecordingLogger;
  /** Milliseconds the adapter asked to wait (429 retry_after), recorded instead of slept. */
  sleeps: number[];
  fatal: Error[];
  /** Resolves with the first error the adapter reported as fatal. */
  fatalSeen: Promise<Error>;
  /** Every update handled, every card refresh the core started done and sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** A real app (real SQLite, real migrations) behind a real TelegramAdapter, started. */
export async function startTelegramApp(o: {
  apiRoot: string;
  token: string;
  mode: TelegramMode;
  config?: Record<string, unknown>;
  editIntervalMs?: number;
  chatEditGapMs?: number;
  /** Wraps the real dispatch, e.g. to hold events and observe which run side by side. */
  wrapDispatch?: (d: Dispatch) => Dispatch;
  /** Put the persisted outbox in front of the adapter, as main.ts does. */
  outbox?: boolean;
}): Promise<TelegramTestApp> {
  const app = testApp(o.config);
  const hub = new AdapterHub();
  const logger = new RecordingLogger();
  const outbox = o.outbox ? new Outbox(app.store.outbox, hub, app.store.links, app.clock, logger) : undefined;
  app.bot.setDelivery(outbox ?? hub);
  app.membership.setPlatformCheck((actor, chats) => hub.isMember(actor, chats));
  const sleeps: number[] = [];
  const fatal: Error[] = [];
  let reportFatal!: (e: Error) => void;
  const fatalSeen = new Promise<Error>((r) => (reportFatal = r));
  const adapter = new TelegramAdapter({
    token: o.token,
    apiRoot: o.apiRoot,
    mode: o.mode,
    locale: app.config.locale,
    voteReactions: app.config.voting.reactions,
    voteEmoji: app.config.voting.emoji,
    listCommands: () => app.bot.listCommands(),
    logger,
    sleep: async (ms) => void sleeps.push(ms),
    // Pacing of card edits is tested on its own (test/slack/card-updates.test.ts); here every edit goes at once.
    editIntervalMs: o.editIntervalMs ?? 0,
    chatEditGapMs: o.chatEditGapMs ?? 0,
    onFatal: (e) => {
      fatal.push(e);
      reportFatal(e);
    },
  });
  hub.add(adapter);
  try {
    // As main.ts: the committed hook lets the adapter answer Telegram once an update is stored.
    const dispatch: Dispatch = (e, hooks) => app.bot.dispatch(e, hooks);
    await adapter.start(o.wrapDispatch ? o.wrapDispatch(dispatch) : dispatch);
  } catch (e) {
    app.cleanup();
    throw e;
  }
  return {
    app,
    adapter,
    outbox,
    logger,
    sleeps,
    fatal,
    fatalSeen,
    // The core updates cards in the background (an answer does not wait for them).
    settled: async () => {
      await adapter.idle();
      await app.bot.drain();
      await adapter.idle();
    },
    close: async () => {
      await adapter.stop();
      await outbox?.close();
      app.cleanup();
    },
  };
}

export function count(app: TestApp, table: 'votes' | 'issues' | 'processed_events'): number {
  return (app.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

import { DEFAULT_PORT, readEnv } from './config/env';
import { ConfigError, loadConfigFile } from './config/load';
import { createApp } from './app';
import { sayitUploader } from './sayit/sayit-settings';
import { startBackgroundCheckpoints } from './store/wal-checkpoints';
import { AdjustableClock } from './core/clock';
import { Scheduler } from './scheduler/scheduler';
import { AdapterHub } from './adapters/hub';
import type { Dispatch } from './adapters/chat-adapter';
import { platformsToRun } from './platforms/select';
import { createLogger } from './logging';
import { DatabaseOpenError, serveWithShortLockWaits } from './store/db';
import { Outbox } from './core/delivery/outbox';
import { translator } from './i18n/catalog';
import { ownerGone, processOwner } from './store/process-owner';
import type * as BotHttpModule from './http/bot-http';
import type { RequestListener } from './http/http-server';
import { checkHealth } from './http/health';
import { RequestStats } from './http/request-stats';
import { installProcessGuard } from './http/process-guard';
import { parseChatRef, type ChatRef } from './core/types';
import { startupMark, startupReport } from './startup-trace';

// Composition root: config → database → core → adapters. The only place things are wired.
async function main(): Promise<number> {
  startupMark('loaded');
  const env = readEnv();
  const config = loadConfigFile(env.BOT_CONFIG);
  startupMark('config');
  const json = process.argv.includes('--json') || env.BOT_CONSOLE_JSON === '1';
  // The networked platforms whose settings are here; the embedded (local) one runs when there
  // are none, or beside them when asked to.
  const { running, networked } = platformsToRun(env);
  // Readable log lines for a person at the console; JSON for anything a platform talks to.
  const logger = createLogger(env.LOG_LEVEL ?? 'warn', { human: networked.length === 0 && !json });
  const clock = new AdjustableClock(env.BOT_NOW ? new Date(env.BOT_NOW) : undefined);
  const hub = new AdapterHub();
  // Scheduled posts go to home chats whose platform runs here (the console only when it does).
  const canPost = (chat: ChatRef) => hub.list().some((a) => a.platform === parseChatRef(chat).platform);
  const databasePath = env.DATABASE_PATH ?? config.database.path;
  // Where the web pages are reached: configured, or this machine's port once it listens.
  let webBase: string | undefined;
  const publicUrl = config.web.baseUrl ?? env.PUBLIC_URL?.replace(/\/+$/, '');
  const sayit = sayitUploader({ url: config.sayit.url, webBaseUrl: publicUrl, username: env.SAYIT_USERNAME, password: env.SAYIT_PASSWORD });
  const app = createApp({ config, databasePath, clock, logger, canPost, web: { envSecret: env.WEB_SECRET, publicUrl, baseUrl: () => webBase }, sayit });
  // WAL checkpoints (and their fsyncs) on a thread of their own, not inside an event's commit.
  // The thread (a V8 isolate of its own, about 10 MiB) starts a few seconds in: a short run, such
  // as a piped conversation, never needs it, and until then SQLite checkpoints inline, as it
  // does whenever the thread is not there.
  let checkpoints: ReturnType<typeof startBackgroundCheckpoints> | undefined;
  const checkpointsLater =
    databasePath === ':memory:' ? undefined : setTimeout(() => (checkpoints = startBackgroundCheckpoints(app.db.$client, databasePath, logger)), 5_000).unref();
  // Every post and card update goes through the persisted outbox: retried when a platform
  // fails, re-sent after a crash.
  // Named by host and pid, so a restart re-sends what a killed predecessor left mid-send at
  // once, while another live process's sends on the same file are left to it.
  const t = translator(config.locale);
  const outbox = new Outbox(app.store.outbox, hub, app.store.links, clock, logger, {
    owner: processOwner(),
    ownerGone,
    // A user ref (`<platform>:<user id>`) is also that person's private chat with the bot.
    deadLetterNotice: { to: () => config.facilitators.map((f) => f as ChatRef).filter(canPost), message: (d) => ({ text: [t('delivery.deadLetter', d)] }) },
  });
  app.bot.setDelivery(outbox);
  app.membership.setPlatformCheck((actor, chats) => hub.isMember(actor, chats));
  startupMark('app');
  // Series → stored meetings and their jobs now; the scheduler re-expands daily after that.
  app.meetings.expand(clock.now());
  startupMark('meetings');
  const scheduler = new Scheduler(app.bot, app.store.jobs, clock, logger);
  const dispatch: Dispatch = (e, hooks) => app.bot.dispatch(e, hooks);
  // An adapter that dies on its own (Telegram polling refused) stops the process with code 1.
  let exitCode = 0;
  let adapterDied!: () => void;
  const died = new Promise<void>((resolve) => (adapterDied = resolve));
  const onFatal = () => ((exitCode = 1), adapterDied());
  // One HTTP port for /healthz and the platforms' webhooks; served whenever a platform runs or
  // PORT is set (the Docker image sets it, so its HEALTHCHECK works in every mode).
  // Refused and failed requests, and errors nothing else caught, counted for /healthz.
  const requests = new RequestStats();
  installProcessGuard(logger, requests);
  // node:http and the server are loaded only when something is served: a console session (the
  // embedded default, a piped conversation) serves nothing.
  // Platform settings are checked before the port is taken: a wrong one stops the start with its
  // own message (exit 78), not with whatever else is wrong, such as a busy port.
  for (const p of running) p.checkSettings?.(env);
  let http: BotHttpModule.BotHttp | undefined;
  // The web pages whenever PORT or WEB_PORT is set (on WEB_PORT when set); the framework is loaded only then.
  const servePages = env.PORT !== undefined || env.WEB_PORT !== undefined;
  if (networked.length > 0 || servePages) {
    const { botHttp } = require('./http/bot-http') as typeof BotHttpModule;
    http = botHttp({
      logger,
      requests,
      health: () => checkHealth({ db: app.db, adapters: () => hub.list(), jobs: app.store.jobs, outbox: app.store.outbox, clock, requests, sayit: sayit ? () => app.store.minutes.sayitFailing() : undefined }),
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, not at start-up
      pages: servePages ? () => (require('./web/server') as typeof import('./web/server')).webListener({ app, clock, logger }) : undefined,
      webPort: env.WEB_PORT,
      maxConnectionsPerClient: env.HTTP_MAX_CONNECTIONS_PER_CLIENT,
    });
  }
  // Only networked platforms mount paths, and one running means the server exists.
  const mount = (path: string, listener: RequestListener) => http!.mount(path, listener);
  // Each platform (and its SDK) is loaded only when it is configured, in the registry's order.
  const context = { env, config, hub, dispatch, listCommands: () => app.bot.listCommands(), logger, clock, db: app.db, json, tick: async () => void (await scheduler.tick()), mount, requests, onFatal };
  for (const p of running) await p.start(context);
  // Start-up's writes are done (they may wait 5 s for another process's lock: nothing is
  // served yet). From here a lock wait never holds the event loop for more than 40 ms.
  serveWithShortLockWaits(app.db);
  // A stop is honoured from here on. It was listened for only after the re-sends below, so a
  // SIGTERM while a slow platform held them up killed the process on the spot (the signal's
  // default action: no drain, sends left mid-way again for the next start; found by the soak).
  const stopRequested = new Promise<void>((resolve) => {
    for (const a of hub.list()) a.finished?.then(resolve);
    died.then(resolve);
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // The port opens only now, with every platform's endpoint mounted: a /healthz answer means
  // ready, and no early POST falls through to the pages (405) or a 404. Telegram's webhook is
  // registered a moment before; an update it sends meanwhile is refused and sent again by Telegram.
  if (http) {
    const { port, webPort } = await http.listen(env.PORT ?? DEFAULT_PORT, env.HOST);
    if (servePages) webBase = publicUrl ?? `http://localhost:${webPort ?? port}`;
    logger.info({ port, ...(webPort !== undefined ? { webPort } : {}), host: env.HOST ?? 'all interfaces' }, 'http server listening (/healthz)');
  }
  // What a stopped predecessor left mid-send goes out again, in the background: a platform slow
  // to answer holds back neither the scheduler (no job ran until it answered) nor a stop
  // (shutdown's outbox.close() waits for this flush).
  void outbox.recover();
  outbox.start();
  scheduler.start();
  startupReport();

  // Stop taking events, finish those in flight, flush the outbox, close the database.
  const shutdown = async () => {
    scheduler.stop();
    await http?.close();
    for (const a of hub.list()) await a.stop();
    await app.bot.drain();
    await scheduler.idle();
    await outbox.close();
    clearTimeout(checkpointsLater);
    await checkpoints?.stop();
    app.close();
  };
  await stopRequested;
  // A platform that does not answer must not keep the process past its stop timeout.
  const deadline = setTimeout(() => {
    logger.error({}, 'shutdown took longer than 9 s; exiting anyway');
    process.exit(exitCode || 1);
  }, 9_000);
  deadline.unref();
  await shutdown();
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof ConfigError || e instanceof DatabaseOpenError) {
      process.stderr.write(`po-bot: ${e.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`po-bot: fatal: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);

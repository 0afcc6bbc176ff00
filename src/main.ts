import { DEFAULT_PORT, readEnv } from './config/env';
import { ConfigError, loadConfigFile } from './config/load';
import { consoleMessagePrinted, createApp, nextConsoleMessageId } from './app';
import { startBackgroundCheckpoints } from './store/wal-checkpoints';
import { AdjustableClock } from './core/clock';
import { Scheduler } from './scheduler/scheduler';
import { parseDuration } from './core/input/duration';
import { translator } from './i18n/catalog';
import { formatDateTime } from './i18n/format-date';
import { AdapterHub } from './adapters/hub';
import type { Dispatch } from './adapters/chat-adapter';
import { ConsoleAdapter } from './adapters/console/console.adapter';
import { slackStart, telegramStart } from './adapters/platforms';
import { createLogger } from './logging';
import { DatabaseOpenError } from './store/db';
import { Outbox } from './core/delivery/outbox';
import { ownerGone, processOwner } from './store/process-owner';
import type * as HttpServerModule from './http/http-server';
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
  const platformTokens = Boolean(env.SLACK_BOT_TOKEN || env.TELEGRAM_BOT_TOKEN);
  // Readable log lines for a person at the console; JSON for anything a platform talks to.
  const logger = createLogger(env.LOG_LEVEL ?? 'warn', { human: !platformTokens && !json });
  const clock = new AdjustableClock(env.BOT_NOW ? new Date(env.BOT_NOW) : undefined);
  const hub = new AdapterHub();
  // Scheduled posts go to home chats whose platform runs here (the console only when it does).
  const canPost = (chat: ChatRef) => hub.list().some((a) => a.platform === parseChatRef(chat).platform);
  const databasePath = env.DATABASE_PATH ?? config.database.path;
  // Where the web pages are reached: configured, or this machine's port once it listens.
  let webBase: string | undefined;
  const publicUrl = config.web.baseUrl ?? env.PUBLIC_URL?.replace(/\/+$/, '');
  const app = createApp({ config, databasePath, clock, logger, canPost, web: { envSecret: env.WEB_SECRET, publicUrl, baseUrl: () => webBase } });
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
  const outbox = new Outbox(app.store.outbox, hub, app.store.links, clock, logger, { owner: processOwner(), ownerGone });
  app.bot.setDelivery(outbox);
  startupMark('app');
  // Series → stored meetings and their jobs now; the scheduler re-expands daily after that.
  app.meetings.expand(clock.now());
  startupMark('meetings');
  const scheduler = new Scheduler(app.bot, app.store.jobs, clock, logger);
  const t = translator(config.locale);
  let consoleAdapter: ConsoleAdapter | undefined;
  if (!platformTokens || env.BOT_CONSOLE === '1') {
    consoleAdapter = new ConsoleAdapter({
      input: process.stdin,
      output: process.stdout,
      json,
      locale: config.locale,
      firstMessageId: nextConsoleMessageId(app.db),
      onNewMessageId: consoleMessagePrinted(app.db),
      dotCommands: {
        // Demos and scripted tests: move time forward and run whatever fell due.
        advance: async (args) => {
          const ms = parseDuration(args);
          if (ms === undefined) return t('consoleChat.advanceUsage');
          clock.advance(ms);
          await scheduler.tick();
          return t('consoleChat.advanced', { when: formatDateTime(clock.now(), config.locale, config.timezone) });
        },
      },
    });
    hub.add(consoleAdapter);
  }
  const dispatch: Dispatch = (e, hooks) => app.bot.dispatch(e, hooks);
  for (const a of hub.list()) await a.start(dispatch);
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
  if (env.SLACK_BOT_TOKEN) slackStart().slackConnectionFromEnv(env);
  const tgMode = env.TELEGRAM_BOT_TOKEN ? telegramStart().telegramMode(env) : undefined;
  let http: HttpServerModule.HttpServer | undefined;
  if (platformTokens || env.PORT !== undefined) {
    const { HttpServer, healthRoute } = require('./http/http-server') as typeof HttpServerModule;
    http = new HttpServer(logger, requests);
    http.mount('/healthz', healthRoute(() => checkHealth({ db: app.db, adapters: () => hub.list(), jobs: app.store.jobs, outbox: app.store.outbox, clock, requests })));
  }
  // Only platforms mount paths, and a platform token means the server exists.
  const mount = (path: string, listener: RequestListener) => http!.mount(path, listener);
  // The web pages whenever PORT is set; the framework is loaded only then.
  if (http && env.PORT !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, not at start-up
    const { webListener } = require('./web/server') as typeof import('./web/server');
    http.mountFallback(webListener({ app, clock, logger }));
  }
  if (http) {
    const port = await http.listen(env.PORT ?? DEFAULT_PORT, env.HOST);
    if (env.PORT !== undefined) webBase = publicUrl ?? `http://localhost:${port}`;
    logger.info({ port, host: env.HOST ?? 'all interfaces' }, 'http server listening (/healthz)');
  }
  // Each platform (and its SDK) is loaded only when its token is set.
  const telegram = env.TELEGRAM_BOT_TOKEN
    ? await telegramStart().startTelegram({ env, config, hub, dispatch, listCommands: () => app.bot.listCommands(), logger, onFatal })
    : undefined;
  if (telegram?.webhookHandler && tgMode?.kind === 'webhook' && tgMode.port === undefined) mount(tgMode.path, telegram.webhookHandler);
  // Slack starts when SLACK_BOT_TOKEN is set (Socket Mode or HTTP, see src/adapters/slack/start.ts).
  if (env.SLACK_BOT_TOKEN) await slackStart().startSlack({ env, hub, dispatch, locale: config.locale, voteReactions: config.voting.reactions, logger, clock, mount, requests });
  await outbox.recover();
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
  await new Promise<void>((resolve) => {
    consoleAdapter?.finished.then(resolve);
    died.then(resolve);
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
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

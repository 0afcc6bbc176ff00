import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNING_SECRET } from '../../test/support/slack/signed';
import { freePort } from '../../test/telegram/support/net';
import { soakConfig } from './bot-config';
import { DbView } from './db-view';
import { Ledger } from './ledger';
import { startPlatforms, TELEGRAM_TOKEN, type Platforms } from './platforms';
import type { Prng } from './prng';
import { Traffic } from './traffic/generator';
import { SlackSender } from './traffic/slack';
import { TelegramSender, TELEGRAM_PATH, TELEGRAM_SECRET } from './traffic/telegram';

/** Everything one soak run shares across the bot's lives: the fakes, the database, the traffic and its ledger. */
export interface Rig {
  dir: string;
  port: number;
  platforms: Platforms;
  view: DbView;
  ledger: Ledger;
  traffic: Traffic;
  /** The bot's environment for a life starting at simulated time `now`. */
  env(now: number): Record<string, string>;
  cleanup(): Promise<void>;
}

export async function buildRig(rnd: Prng, seed: number): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'po-soak-'));
  writeFileSync(join(dir, 'bot.config.json'), JSON.stringify(soakConfig()));
  const platforms = await startPlatforms();
  // One port for every life: Slack's and Telegram's deliveries and the page load keep the address.
  const port = await freePort();
  const view = new DbView(join(dir, 'bot.sqlite'));
  const ledger = new Ledger();
  const slack = new SlackSender(() => `http://127.0.0.1:${port}/slack/events`, (id) => platforms.slack.responseUrl(id));
  const telegram = new TelegramSender(() => `http://127.0.0.1:${port}${TELEGRAM_PATH}`);
  const traffic = new Traffic(rnd, ledger, slack, telegram, platforms.slack, view, seed);
  return {
    dir,
    port,
    platforms,
    view,
    ledger,
    traffic,
    env: (now) => ({
      BOT_CONFIG: join(dir, 'bot.config.json'),
      DATABASE_PATH: view.path,
      BOT_NOW: new Date(now).toISOString(),
      SLACK_BOT_TOKEN: 'xoxb-soak',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: platforms.slackProxy.url('/api/'),
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: platforms.telegramProxy.url(''),
      TELEGRAM_WEBHOOK_URL: `https://soak.example${TELEGRAM_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      // 'http server listening' (info) says when a life is ready.
      LOG_LEVEL: 'info',
    }),
    async cleanup() {
      await platforms.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { TelegramError } from 'telegraf';
import type { Env } from '../../config/env';
import { ConfigError, type LoadedConfig } from '../../config/load';
import type { Command } from '../../core/feature';
import type { Logger } from '../../core/logger';
import type { Dispatch } from '../chat-adapter';
import type { AdapterHub } from '../hub';
import { TelegramAdapter, type TelegramMode } from './telegram.adapter';

/** Long polling unless TELEGRAM_WEBHOOK_URL is set; a webhook without a secret is refused. */
export function telegramMode(env: Env): TelegramMode {
  if (!env.TELEGRAM_WEBHOOK_URL) return { kind: 'polling' };
  if (!env.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not: without it anyone could post fake updates.');
  }
  return {
    kind: 'webhook',
    url: env.TELEGRAM_WEBHOOK_URL,
    secret: env.TELEGRAM_WEBHOOK_SECRET,
    path: env.TELEGRAM_WEBHOOK_PATH ?? (new URL(env.TELEGRAM_WEBHOOK_URL).pathname || '/'),
    // Without a port of its own the webhook is mounted in the bot's shared HTTP server on PORT.
    port: env.TELEGRAM_WEBHOOK_PORT,
  };
}

export interface StartTelegramOptions {
  env: Env;
  config: LoadedConfig;
  hub: AdapterHub;
  dispatch: Dispatch;
  listCommands: () => readonly Command[];
  logger: Logger;
  onFatal: (e: Error) => void;
}

/** Starts the Telegram adapter when TELEGRAM_BOT_TOKEN is set and adds it to the hub. */
export async function startTelegram(o: StartTelegramOptions): Promise<TelegramAdapter | undefined> {
  const token = o.env.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  const adapter = new TelegramAdapter({
    token,
    apiRoot: o.env.TELEGRAM_API_ROOT,
    mode: telegramMode(o.env),
    locale: o.config.locale,
    voteReactions: o.config.voting.reactions,
    voteEmoji: o.config.voting.emoji,
    listCommands: o.listCommands,
    logger: o.logger,
    onFatal: o.onFatal,
  });
  try {
    await adapter.start(o.dispatch);
  } catch (e) {
    if (e instanceof TelegramError && (e.code === 401 || e.code === 404)) {
      throw new ConfigError(`TELEGRAM_BOT_TOKEN was refused by the Bot API (${e.code} ${e.description}).`);
    }
    throw e;
  }
  o.hub.add(adapter);
  return adapter;
}

import type * as TelegramStart from './telegram/telegram.start';
import type * as SlackStart from './slack/start';

// A platform's SDK is loaded only when that platform is configured: @slack/bolt alone takes
// about half a second and tens of MiB to load, telegraf a fifth of that, and the console chat
// (or a Telegram-only deployment) needs neither. test/startup/lazy-modules.test.ts checks it.

/** src/adapters/telegram/telegram.start, loaded on first call. */
export function telegramStart(): typeof TelegramStart {
  return require('./telegram/telegram.start') as typeof TelegramStart;
}

/** src/adapters/slack/start, loaded on first call. */
export function slackStart(): typeof SlackStart {
  return require('./slack/start') as typeof SlackStart;
}

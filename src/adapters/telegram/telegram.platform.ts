import * as z from '../../config/zod';
import type { PlatformDescriptor } from '../platform';
import type * as TelegramStart from './telegram.start';

// Telegram's entry in the platform registry; telegraf is loaded only when TELEGRAM_BOT_TOKEN is set.
const load = () => require('./telegram.start') as typeof TelegramStart;

const env = z.object({
  TELEGRAM_BOT_TOKEN: z.optional(z.text()),
  TELEGRAM_API_ROOT: z.optional(z.url()),
  TELEGRAM_WEBHOOK_URL: z.optional(z.url()),
  TELEGRAM_WEBHOOK_SECRET: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,256}$/))),
  /** Where the Telegram webhook server listens; default PORT. */
  TELEGRAM_WEBHOOK_PORT: z.port(),
  /** Local path of the webhook; default the path of TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_PATH: z.optional(z.string().check(z.regex(/^\/[A-Za-z0-9/_.~-]*$/))),
});

export const telegramPlatform: PlatformDescriptor<'telegram', typeof env.shape> = {
  name: 'telegram',
  env,
  examples: { chat: '-1001234', user: '42' },
  configured: (e) => Boolean(e.TELEGRAM_BOT_TOKEN),
  checkSettings: (e) => void load().telegramMode(e),
  async start(ctx) {
    const { startTelegram, telegramMode } = load();
    const mode = telegramMode(ctx.env);
    const adapter = await startTelegram({ ...ctx, listCommands: ctx.listCommands });
    // Without a port of its own the webhook is served on the bot's shared HTTP port.
    if (adapter?.webhookHandler && mode.kind === 'webhook' && mode.port === undefined) ctx.mount(mode.path, adapter.webhookHandler);
    return adapter;
  },
  capabilities: {
    // Reactions reach only a bot that is a group admin: the card's button votes everywhere.
    reactionVotes: true,
    // A group has no answer shown to one person: private answers go to the person's own chat.
    privateRepliesInGroups: false,
    editsMessages: true,
    limits: { text: 4096, buttonLabel: 64 },
    inbound: 'either',
  },
};

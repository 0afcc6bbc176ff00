import * as z from 'zod';
import { ConfigError } from './load';

// The only reader of process.env: secrets and deployment switches live here, never in
// bot.config.json.
/** The HTTP port when PORT is unset. */
export const DEFAULT_PORT = 3000;

const envSchema = z.object({
  BOT_CONFIG: z.string().min(1).default('bot.config.json'),
  DATABASE_PATH: z.string().min(1).optional(),
  BOT_NOW: z.iso.datetime({ offset: true }).optional(),
  BOT_CONSOLE_JSON: z.enum(['0', '1']).optional(),
  BOT_CONSOLE: z.enum(['0', '1']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** The HTTP port (/healthz, Slack's /slack/events, the Telegram webhook); DEFAULT_PORT when unset. */
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address the HTTP server listens on (`127.0.0.1`, `::`, an interface's address); every interface when unset. */
  HOST: z.string().regex(/^[0-9A-Za-z.:%_-]{1,255}$/, 'an IP address or host name').optional(),
  /** Signs the web pages' sign-in links and sessions; generated once and stored when unset. */
  WEB_SECRET: z.string().min(32, 'WEB_SECRET must be at least 32 characters').optional(),
  /** Where people reach the web pages (the same as web.baseUrl in bot.config.json, which wins). */
  PUBLIC_URL: z.url().optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_API_URL: z.url().optional(),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/).optional(),
  /** Where the Telegram webhook server listens; default PORT. */
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Local path of the webhook; default the path of TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_PATH: z.string().regex(/^\/[A-Za-z0-9/_.~-]*$/).optional(),
});
export type Env = z.output<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty variables are treated as unset: `FOO= npm start` should not count as a token.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const r = envSchema.safeParse(cleaned);
  if (!r.success) {
    throw new ConfigError(
      'Invalid environment:\n' + r.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  return r.data;
}

import * as z from './zod';
import { ConfigError } from './load';

// The only reader of process.env: secrets and deployment switches live here, never in
// bot.config.json.
/** The HTTP port when PORT is unset. */
export const DEFAULT_PORT = 3000;

const port = () => z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)));

const envSchema = z.object({
  BOT_CONFIG: z._default(z.text(), 'bot.config.json'),
  DATABASE_PATH: z.optional(z.text()),
  BOT_NOW: z.optional(z.iso.datetime({ offset: true })),
  BOT_CONSOLE_JSON: z.optional(z.enum(['0', '1'])),
  BOT_CONSOLE: z.optional(z.enum(['0', '1'])),
  LOG_LEVEL: z.optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  /** The HTTP port (/healthz, Slack's /slack/events, the Telegram webhook); DEFAULT_PORT when unset. */
  PORT: port(),
  /** The address the HTTP server listens on (`127.0.0.1`, `::`, an interface's address); every interface when unset. */
  HOST: z.optional(z.string().check(z.regex(/^[0-9A-Za-z.:%_-]{1,255}$/, 'an IP address or host name'))),
  /** Signs the web pages' sign-in links and sessions; generated once and stored when unset. */
  WEB_SECRET: z.optional(z.string().check(z.minLength(32, 'WEB_SECRET must be at least 32 characters'))),
  /** Where people reach the web pages (the same as web.baseUrl in bot.config.json, which wins). */
  PUBLIC_URL: z.optional(z.url()),
  SLACK_BOT_TOKEN: z.optional(z.text()),
  SLACK_APP_TOKEN: z.optional(z.text()),
  SLACK_SIGNING_SECRET: z.optional(z.text()),
  SLACK_API_URL: z.optional(z.url()),
  TELEGRAM_BOT_TOKEN: z.optional(z.text()),
  TELEGRAM_API_ROOT: z.optional(z.url()),
  TELEGRAM_WEBHOOK_URL: z.optional(z.url()),
  TELEGRAM_WEBHOOK_SECRET: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,256}$/))),
  /** Where the Telegram webhook server listens; default PORT. */
  TELEGRAM_WEBHOOK_PORT: port(),
  /** Local path of the webhook; default the path of TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_PATH: z.optional(z.string().check(z.regex(/^\/[A-Za-z0-9/_.~-]*$/))),
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

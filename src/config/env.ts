import * as z from './zod';
import { ConfigError } from './config-error';
import { platforms, type PlatformEnv } from '../platforms/registry';

// The only reader of process.env: secrets and deployment switches live here, never in
// bot.config.json.
/** The HTTP port when PORT is unset. */
export const DEFAULT_PORT = 3000;


const commonSchema = z.object({
  BOT_CONFIG: z._default(z.text(), 'bot.config.json'),
  DATABASE_PATH: z.optional(z.text()),
  BOT_NOW: z.optional(z.iso.datetime({ offset: true })),
  BOT_CONSOLE_JSON: z.optional(z.enum(['0', '1'])),
  LOG_LEVEL: z.optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  /** The HTTP port (/healthz, the platforms' webhooks); DEFAULT_PORT when unset. */
  PORT: z.port(),
  /** The address the HTTP server listens on (`127.0.0.1`, `::`, an interface's address); every interface when unset. */
  HOST: z.optional(z.string().check(z.regex(/^[0-9A-Za-z.:%_-]{1,255}$/, 'an IP address or host name'))),
  /** The web pages' own port (for a reverse proxy); unset: the pages share PORT with the platforms when PORT is set. */
  WEB_PORT: z.port(),
  /** Open connections one remote address may hold on the bot's ports (default 64; 0: no limit, for a proxy in front that limits). */
  HTTP_MAX_CONNECTIONS_PER_CLIENT: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100_000))),
  /** Signs the web pages' sign-in links and sessions; generated once and stored when unset. */
  WEB_SECRET: z.optional(z.string().check(z.minLength(32, 'WEB_SECRET must be at least 32 characters'))),
  /** Where people reach the web pages (the same as web.baseUrl in bot.config.json, which wins). */
  PUBLIC_URL: z.optional(z.url()),
  /** The SayIt account that publishes minutes (with sayit.url in bot.config.json). */
  SAYIT_USERNAME: z.optional(z.text()),
  SAYIT_PASSWORD: z.optional(z.text()),
});
/** The variables every deployment has, whatever platforms it runs. */
export type CommonEnv = z.output<typeof commonSchema>;
/** Those and every registered platform's own variables (each platform's descriptor lists its own). */
export type Env = CommonEnv & PlatformEnv;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty variables are treated as unset: `FOO= npm start` should not count as a token.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  // Built per call from the registry: a platform registered later (a test's) is checked too.
  const schema = z.object(Object.assign({}, commonSchema.shape, ...platforms.list().map((p) => p.env.shape)));
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    throw new ConfigError(
      'Invalid environment:\n' + r.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  return r.data as Env;
}

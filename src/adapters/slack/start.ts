import type { RequestListener } from '../../http/http-server';
import { DEFAULT_PORT, type Env } from '../../config/env';
import { ConfigError } from '../../config/load';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { Locale } from '../../i18n/catalog';
import type { Dispatch } from '../chat-adapter';
import type { AdapterHub } from '../hub';
import type { RequestStats } from '../../http/request-stats';
import { SlackAdapter, SlackStartError, type SlackConnection } from './slack.adapter';

type SlackEnv = Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'PORT'>;

/**
 * How Slack reaches the bot: Socket Mode when an app-level token is set (no public URL, the
 * usual case inside government networks), else signed HTTP requests on PORT. Undefined when
 * Slack is not configured at all.
 */
export function slackConnectionFromEnv(env: SlackEnv): SlackConnection | undefined {
  if (!env.SLACK_BOT_TOKEN) return undefined;
  if (env.SLACK_BOT_TOKEN.startsWith('xapp-')) {
    throw new ConfigError('SLACK_BOT_TOKEN holds an app-level token (xapp-…): put the Bot User OAuth Token (xoxb-…) there and the app-level token in SLACK_APP_TOKEN.');
  }
  if (env.SLACK_APP_TOKEN) {
    if (env.SLACK_APP_TOKEN.startsWith('xox')) {
      throw new ConfigError('SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope, not an OAuth token.');
    }
    return { mode: 'socket', appToken: env.SLACK_APP_TOKEN };
  }
  if (env.SLACK_SIGNING_SECRET) return { mode: 'http', signingSecret: env.SLACK_SIGNING_SECRET, port: env.PORT ?? DEFAULT_PORT };
  throw new ConfigError(
    'SLACK_BOT_TOKEN is set but Slack cannot reach the bot: set SLACK_APP_TOKEN (Socket Mode, no public URL needed) ' +
      'or SLACK_SIGNING_SECRET (HTTP at /slack/events on PORT). Refusing to start.',
  );
}

export interface StartSlackOptions {
  /** The bot's shared HTTP server: Slack's /slack/events is mounted there in HTTP mode. */
  mount?: (path: string, listener: RequestListener) => void;
  env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL' | 'PORT' | 'LOG_LEVEL'>;
  hub: AdapterHub;
  dispatch: Dispatch;
  locale: Locale;
  /** Emoji that count as a vote (config `voting.reactions`). */
  voteReactions: readonly string[];
  logger: Logger;
  clock: Clock;
  /** Counts of refused and failed requests at the HTTP edge (/healthz). */
  requests?: RequestStats;
}

/** Starts Slack when SLACK_BOT_TOKEN is set and adds it to the hub; a no-op otherwise. */
export async function startSlack(o: StartSlackOptions): Promise<SlackAdapter | undefined> {
  const fromEnv = slackConnectionFromEnv(o.env);
  const connection = fromEnv?.mode === 'http' && o.mount ? { ...fromEnv, mount: o.mount } : fromEnv;
  if (!connection || !o.env.SLACK_BOT_TOKEN) return undefined;
  const adapter = new SlackAdapter({
    token: o.env.SLACK_BOT_TOKEN,
    connection,
    apiUrl: o.env.SLACK_API_URL,
    locale: o.locale,
    voteReactions: o.voteReactions,
    logger: o.logger,
    clock: o.clock,
    stats: o.requests,
    debug: o.env.LOG_LEVEL === 'debug' || o.env.LOG_LEVEL === 'trace',
  });
  // In the hub before it starts: Slack may deliver an event the moment the connection opens,
  // and the card that event posts must find its adapter.
  o.hub.add(adapter);
  try {
    await adapter.start(o.dispatch);
  } catch (e) {
    if (e instanceof SlackStartError) throw new ConfigError(e.message);
    throw e;
  }
  return adapter;
}

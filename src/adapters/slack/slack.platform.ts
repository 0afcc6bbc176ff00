import * as z from '../../config/zod';
import type { PlatformDescriptor } from '../platform';
import type * as SlackStart from './start';

// Slack's entry in the platform registry. @slack/bolt alone takes about half a second and tens
// of MiB to load: ./start (and with it Bolt) is required only when SLACK_BOT_TOKEN is set
// (test/startup/lazy-modules.test.ts checks it).
const load = () => require('./start') as typeof SlackStart;

const env = z.object({
  SLACK_BOT_TOKEN: z.optional(z.text()),
  SLACK_APP_TOKEN: z.optional(z.text()),
  SLACK_SIGNING_SECRET: z.optional(z.text()),
  SLACK_API_URL: z.optional(z.url()),
});

export const slackPlatform: PlatformDescriptor<'slack', typeof env.shape> = {
  name: 'slack',
  env,
  examples: { chat: 'C0123456', user: 'U123' },
  configured: (e) => Boolean(e.SLACK_BOT_TOKEN),
  checkSettings: (e) => void load().slackConnectionFromEnv(e),
  start: (ctx) =>
    load().startSlack({
      env: ctx.env,
      hub: ctx.hub,
      dispatch: ctx.dispatch,
      locale: ctx.config.locale,
      voteReactions: ctx.config.voting.reactions,
      logger: ctx.logger,
      clock: ctx.clock,
      mount: ctx.mount,
      requests: ctx.requests,
    }),
  capabilities: {
    reactionVotes: true,
    privateRepliesInGroups: true,
    editsMessages: true,
    limits: { text: 3000, buttonLabel: 75 },
    inbound: 'either',
  },
};

import * as z from '../../config/zod';
import { parseDuration } from '../../core/input/duration';
import { translator } from '../../i18n/catalog';
import { formatDateTime } from '../../i18n/format-date';
import type { PlatformDescriptor } from '../platform';
import { ConsoleAdapter } from './console.adapter';
import { consoleMessagePrinted, nextConsoleMessageId } from './message-ids';

const env = z.object({
  /** 1: the console runs beside the networked platforms too. */
  BOT_CONSOLE: z.optional(z.enum(['0', '1'])),
});

/** The embedded default: a person at a terminal or a script through a pipe (stdin/stdout). */
export const consolePlatform: PlatformDescriptor<'console', typeof env.shape> = {
  name: 'console',
  env,
  examples: { chat: 'main', user: 'alice' },
  local: true,
  configured: (e) => e.BOT_CONSOLE === '1',
  async start(ctx) {
    const t = translator(ctx.config.locale);
    const adapter = new ConsoleAdapter({
      input: process.stdin,
      output: process.stdout,
      json: ctx.json,
      locale: ctx.config.locale,
      firstMessageId: nextConsoleMessageId(ctx.db),
      onNewMessageId: consoleMessagePrinted(ctx.db),
      dotCommands: {
        // Demos and scripted tests: move time forward and run whatever fell due.
        advance: async (args) => {
          const ms = parseDuration(args);
          if (ms === undefined) return t('consoleChat.advanceUsage');
          ctx.clock.advance(ms);
          await ctx.tick();
          return t('consoleChat.advanced', { when: formatDateTime(ctx.clock.now(), ctx.config.locale, ctx.config.timezone) });
        },
      },
    });
    ctx.hub.add(adapter);
    await adapter.start(ctx.dispatch);
    return adapter;
  },
  capabilities: {
    reactionVotes: true,
    // One person's terminal: every answer is private.
    privateRepliesInGroups: true,
    editsMessages: true,
    limits: { text: 100_000, buttonLabel: 200 },
    inbound: 'none',
  },
};

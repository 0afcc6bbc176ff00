import * as z from '../../../src/config/zod';
import { ConfigError } from '../../../src/config/config-error';
import type { PlatformDescriptor } from '../../../src/adapters/platform';
import { MemChatAdapter } from './memchat.adapter';

// A throwaway chat platform, registered from outside src/ (test/platforms/memchat.test.ts) to show
// that a platform is one folder plus one registration: the worked example in docs/development.md.

// The registry's name type, extended for this platform (a built-in one is added to the registry's
// list instead, and its name joins the type by itself).
declare module '../../../src/platforms/registry' {
  interface PlatformNames {
    memchat: true;
  }
}

const env = z.object({
  /** The rooms this chat has, comma-separated; the platform runs when set. */
  MEMCHAT_ROOMS: z.optional(z.text(200)),
});

export const memchatPlatform: PlatformDescriptor<'memchat', typeof env.shape> = {
  name: 'memchat',
  env,
  examples: { chat: 'lobby', user: 'amy' },
  configured: (e) => Boolean(e.MEMCHAT_ROOMS),
  checkSettings(e) {
    const bad = (e.MEMCHAT_ROOMS ?? '').split(',').find((r) => !/^[a-z0-9-]+$/.test(r));
    if (bad !== undefined) throw new ConfigError(`MEMCHAT_ROOMS: "${bad}" is not a room name (lower-case letters, digits and -)`);
  },
  async start(ctx) {
    const adapter = new MemChatAdapter((ctx.env.MEMCHAT_ROOMS ?? '').split(','));
    // In the hub before it starts, as a platform that may deliver at once must be.
    ctx.hub.add(adapter);
    await adapter.start(ctx.dispatch);
    return adapter;
  },
  capabilities: {
    reactionVotes: true,
    // A room shows every answer to everyone: private answers need the person's own chat.
    privateRepliesInGroups: false,
    editsMessages: true,
    limits: { text: 10_000, buttonLabel: 40 },
    inbound: 'outbound',
  },
};

import type { Command, Feature, JoinHandler } from '../feature';
import { parseChatRef, type Span } from '../types';
import { fullGuide, nextMeetings, type WelcomeDeps } from './welcome.view';

/**
 * Welcoming a new PO (issue 19): a welcome when someone joins a chat, once per person per chat
 * (the store remembers it, so a redelivered join or a second join says nothing), and /guide
 * (/po) any time. Bots never arrive here: adapters leave them out.
 */
export function welcomeFeature(deps: WelcomeDeps): Feature {
  const guide = (name: string): Command => ({
    name,
    description: name === 'po' ? 'help.po' : 'help.guide',
    handle: (ctx) => ({ type: 'reply', message: { text: fullGuide(ctx, deps) }, private: true }),
  });

  const join: JoinHandler = {
    handle(ctx, e) {
      // Where home chats are configured for this platform, only a join there is joining the
      // network (a side channel is not); with none configured, every chat the bot is in.
      const platform = parseChatRef(ctx.chat).platform;
      const home = deps.calendar.settings.homeChats.filter((c) => parseChatRef(c).platform === platform);
      if (home.length && !home.includes(ctx.chat)) return [];
      if (!ctx.services.store.welcomes.claim(ctx.chat, ctx.user.id, ctx.now)) return [];
      const mention: Span = { mention: { platform: e.actor.platform, id: e.actor.id, name: ctx.user.name } };
      // Where a private answer reaches only them: the whole guide. Elsewhere (a Telegram
      // group) a short public greeting that names them, the next meetings and the way to /guide.
      if (e.privateReach) return { type: 'reply', message: { text: fullGuide(ctx, deps, [mention, ' ', ctx.t('welcome.greeting')]) }, private: true };
      return { type: 'reply', message: { text: [mention, ' ', ctx.t('welcome.short'), '\n\n', ...nextMeetings(ctx, deps)] } };
    },
  };

  return { name: 'welcome', commands: [guide('guide'), guide('po')], joins: [join] };
}

import type { Context, Feature } from '../core/feature';
import { parseChatRef } from '../core/types';
import { formatDateTime } from '../i18n/format-date';
import type { WebAccess } from './auth/web-access';

/**
 * Whether a private answer stays private here: where the platform can show an answer to the asker
 * alone inside a group (Slack's ephemeral message, the console's terminal), or in the person's own
 * chat with the bot (whose id is theirs), the only private place where it cannot (Telegram).
 */
function answerStaysPrivate(ctx: Context): boolean {
  const { platform, chatId } = parseChatRef(ctx.chat);
  return ctx.services.platforms.capabilities(platform).privateRepliesInGroups || chatId === ctx.actor.id;
}

/** /web: a personal sign-in link for the web pages, answered privately. */
export function webFeature(access: WebAccess): Feature {
  return {
    name: 'web',
    commands: [
      {
        name: 'web',
        description: 'web.helpWeb',
        handle(ctx) {
          if (!answerStaysPrivate(ctx)) return { type: 'reply', message: { text: [ctx.t('web.privateChatOnly')] }, private: true };
          const link = access.signInLink(ctx.user.id, ctx.now);
          if (!link) return { type: 'reply', message: { text: [ctx.t('web.notServed')] }, private: true };
          const until = formatDateTime(link.expiresAt, ctx.locale, ctx.services.settings.timezone);
          return { type: 'reply', message: { text: [ctx.t('web.linkReply', { until }), { link: link.url, text: link.url }] }, private: true };
        },
      },
    ],
  };
}

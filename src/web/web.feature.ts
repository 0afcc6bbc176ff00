import type { Context, Feature } from '../core/feature';
import { parseChatRef } from '../core/types';
import { formatDateTime } from '../i18n/format-date';
import type { WebAccess } from './auth/web-access';

/**
 * Whether a private answer stays private here. Slack shows it to the asker alone (ephemeral)
 * and the console is one person's terminal; Telegram has no such answer in a group, so the link
 * is only given in the person's own chat with the bot (whose id is theirs).
 */
function answerStaysPrivate(ctx: Context): boolean {
  const { platform, chatId } = parseChatRef(ctx.chat);
  return platform !== 'telegram' || chatId === ctx.actor.id;
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

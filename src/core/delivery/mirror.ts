import type { Reply } from '../feature';
import { parseChatRef, type ChatRef, type OutboundMessage, type Platform, type Span } from '../types';

type Post = Extract<Reply, { type: 'post' }>;

/** A mention as it should read on `platform`: the same person's account there, if they have one. */
export type MentionOn = (mention: { platform: Platform; id: string; name: string }, platform: Platform) => { platform: Platform; id: string; name: string } | undefined;

/**
 * One network across platforms (issue 30, item 1): when the network's chats (the configured home
 * chats whose platforms run here) are on more than one platform, a post meant for everyone goes
 * to every one of them, wherever it started. Each copy is a post of its own (its own outbox
 * entry, linked to the same record when it shows one), so a platform that is down delays only
 * its copies. Posts that already go to every chat (a meeting's reminders, the weekly report)
 * are left as they are: a chat some post of the same replies already reaches gets no copy.
 * A post into a private chat stays there.
 */
export function mirrorPosts(replies: readonly Reply[], from: ChatRef, direct: boolean, network: readonly ChatRef[], mentionOn: MentionOn): readonly Reply[] {
  if (new Set(network.map((c) => parseChatRef(c).platform)).size < 2) return replies;
  const reached = new Set(replies.flatMap((r) => (r.type === 'post' ? [r.chat ?? from] : [])));
  const out: Reply[] = [];
  for (const r of replies) {
    out.push(r);
    if (r.type !== 'post') continue;
    if (direct && (r.chat ?? from) === from) continue;
    for (const chat of network) {
      if (reached.has(chat)) continue;
      out.push(copyFor(r, chat, mentionOn));
    }
  }
  return out;
}

function copyFor(post: Post, chat: ChatRef, mentionOn: MentionOn): Post {
  const platform = parseChatRef(chat).platform;
  const text = post.message.text.map((s): Span => {
    if (typeof s === 'string' || !('mention' in s) || s.mention.platform === platform) return s;
    // The same person on this platform (a linked account) is mentioned here; anyone else is named.
    const there = mentionOn(s.mention, platform);
    return there ? { mention: there } : s;
  });
  const message: OutboundMessage = { ...post.message, text };
  return { type: 'post', chat, message, ...(post.show ? { show: post.show } : {}) };
}

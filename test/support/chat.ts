import type { Answer } from '../../src/core/feature';
import { richToPlain, type Actor, type ChatRef, type MessageRef } from '../../src/core/types';
import type { TestApp } from './app';

export const CHAT: ChatRef = 'console:main';

export function person(id: string): Actor {
  return { platform: 'console', id, name: id };
}

/** Drives a TestApp like people in a chat would; returns answers as plain text. */
export function chat(app: TestApp) {
  return {
    async cmd(who: string, line: string): Promise<string | undefined> {
      const m = /^\/(\S+)(?:\s([\s\S]*))?$/.exec(line);
      if (!m) throw new Error(`not a command: ${line}`);
      const a = await app.bot.dispatch({ kind: 'command', name: m[1]!, args: m[2] ?? '', actor: person(who), chat: CHAT });
      return a ? richToPlain(a.message.text) : undefined;
    },
    async answer(who: string, line: string): Promise<Answer | undefined> {
      const m = /^\/(\S+)(?:\s([\s\S]*))?$/.exec(line)!;
      return app.bot.dispatch({ kind: 'command', name: m[1]!, args: m[2] ?? '', actor: person(who), chat: CHAT });
    },
    async react(who: string, target: MessageRef, emoji = '👍', added = true, dedupKey?: string) {
      return app.bot.dispatch({ kind: 'reaction', emoji, added, target, actor: person(who), chat: CHAT, dedupKey });
    },
    /** The ref of the card posted for issue N. */
    cardOf(issueId: number): MessageRef {
      const refs = app.store.links.refsFor({ kind: 'issue', id: issueId });
      if (!refs[0]) throw new Error(`no card for issue ${issueId}`);
      return refs[0];
    },
    /** The latest text shown on a card (post or its last update). */
    cardText(ref: MessageRef): string {
      const updates = app.delivery.updates.filter((u) => u.ref === ref);
      const last = updates.length ? updates[updates.length - 1]!.message : app.delivery.posts.find((p) => p.ref === ref)!.message;
      return richToPlain(last.text);
    },
  };
}

import type { Feature } from '../../src/core/feature';
import type { ChatRef, Platform } from '../../src/core/types';

/**
 * A test-only command that asks for the one thing under test, a private message to a named
 * person: `/whisper <platform>:<user id> <text>` (near the chat it was typed in unless `far`).
 * The features that send private messages (nudges, minutes, ballots) have their own tests.
 */
export function whisperFeature(o: { far?: boolean } = {}): Feature {
  return {
    name: 'whisper',
    commands: [
      {
        name: 'whisper',
        description: 'help.help',
        handle(ctx, args) {
          const m = /^(\w+):(\S+)\s+([\s\S]+)$/.exec(args.trim());
          if (!m) return { type: 'reply', message: { text: ['usage'] }, private: true };
          const to = { platform: m[1] as Platform, id: m[2]!, name: `Person ${m[2]}` };
          return [
            { type: 'private', to, message: { text: [m[3]!] }, ...(o.far ? {} : { near: ctx.chat as ChatRef }) },
            { type: 'reply', message: { text: ['ok'] }, private: true },
          ];
        },
      },
    ],
  };
}

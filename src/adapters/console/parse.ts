import type { Actor, ChatRef, InboundEvent } from '../../core/types';

export const CONSOLE_CHAT: ChatRef = 'console:main';
const NAME = /^[A-Za-z0-9_.-]{1,40}$/;

export type ConsoleLine =
  | { kind: 'event'; event: InboundEvent }
  | { kind: 'dot'; name: string; args: string; as: string }
  | { kind: 'empty' };

export function consoleActor(name: string): Actor {
  return { platform: 'console', id: name, name };
}

export function isConsoleName(s: string): boolean {
  return NAME.test(s);
}

/**
 * `<user>: <text>` speaks as that user; a line without a prefix speaks as the current user.
 * `/cmd args` is a command, `.name args` a console instruction, anything else a chat message.
 */
export function parseConsoleLine(line: string, currentUser: string): ConsoleLine {
  let text = line.replace(/\r$/, '');
  let user = currentUser;
  const m = /^([A-Za-z0-9_.-]{1,40}):(?: (.*))?$/.exec(text);
  if (m) {
    user = m[1]!;
    text = m[2] ?? '';
  }
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const actor = consoleActor(user);
  if (trimmed.startsWith('/')) {
    const cm = /^\/(\S+)(?:[ \t](.*))?$/s.exec(trimmed)!;
    return { kind: 'event', event: { kind: 'command', name: cm[1]!, args: cm[2] ?? '', actor, chat: CONSOLE_CHAT } };
  }
  if (trimmed.startsWith('.') && /^\.[a-z]+(\s|$)/.test(trimmed)) {
    const dm = /^\.([a-z]+)\s*(.*)$/s.exec(trimmed)!;
    return { kind: 'dot', name: dm[1]!, args: dm[2]!, as: user };
  }
  return { kind: 'event', event: { kind: 'message', text, actor, chat: CONSOLE_CHAT } };
}

import type { Actor, ChatRef, InboundEvent } from '../../core/types';
import { parseCommandLine } from '../../core/input/command-line';

export const CONSOLE_CHAT: ChatRef = 'console:main';
const NAME = /^[A-Za-z0-9_.-]{1,40}$/;

export type ConsoleLine =
  | { kind: 'event'; event: InboundEvent }
  | { kind: 'dot'; name: string; args: string; as: string }
  | { kind: 'empty' }
  /** Only spaces (of any width): answered with a hint, not sent as a message. */
  | { kind: 'blank' };

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
  // [\s\S], not `.`: readline keeps U+2028 and U+2029 inside a line, and `.` stops at them.
  const m = /^([A-Za-z0-9_.-]{1,40}):(?: ([\s\S]*))?$/.exec(text);
  if (m) {
    user = m[1]!;
    text = m[2] ?? '';
  }
  const trimmed = text.trim();
  if (!trimmed) return text ? { kind: 'blank' } : { kind: 'empty' };
  const actor = consoleActor(user);
  // The core's reading of a command line (IME full width, `/ vote`, a bare `/`); `／` lines
  // are left as messages: the core reads those as commands for every platform.
  const cmd = trimmed.startsWith('/') ? parseCommandLine(trimmed) : undefined;
  if (cmd) return { kind: 'event', event: { kind: 'command', name: cmd.name, args: cmd.args, actor, chat: CONSOLE_CHAT } };
  const dm = /^\.([a-z]*)(?:\s+([\s\S]*))?$/.exec(trimmed);
  if (dm) return { kind: 'dot', name: dm[1]!, args: dm[2] ?? '', as: user };
  return { kind: 'event', event: { kind: 'message', text, actor, chat: CONSOLE_CHAT } };
}

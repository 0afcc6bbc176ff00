import { foldWidth } from './ime';

/**
 * A chat line as a command: `/vote 1`, `／vote　1` (IME), `/ vote 1` (a space after the slash).
 * The name is folded to ASCII and lower case; the arguments are the rest of the line exactly as
 * typed, after the whitespace (any width) that separates them. A bare `/` has the empty name,
 * which the bot answers as an unknown command. Undefined when the line is not a command.
 */
export function parseCommandLine(text: string): { name: string; args: string } | undefined {
  const m = /^[/／]\s*([^\s]*)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { name: commandName(m[1] ?? ''), args: m[2] ?? '' };
}

/** A command name as adapters deliver it, folded: `ｖｏｔｅ` and `VOTE` are `vote`. */
export function commandName(name: string): string {
  return foldWidth(name).toLowerCase();
}

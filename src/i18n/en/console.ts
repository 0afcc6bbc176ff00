import type { Translation } from '../translation';
import type { consoleChat as zh } from '../zh-TW/console';

export const consoleChat: Translation<typeof zh> = {
  welcome: (p) => `po-bot console. You are "${p.user}". Type /help for commands; .as <name> to switch user; .react <message id> <emoji> to react; .quit to leave.`,
  switched: (p) => `You are now "${p.user}".`,
  reactUsage: 'Usage: .react <message id> <emoji>, e.g. .react 3 👍',
  unreactUsage: 'Usage: .unreact <message id> <emoji>, e.g. .unreact 3 👍',
  joinUsage: 'Usage: .join <user>, e.g. .join amy (amy joins the chat)',
  asUsage: 'Usage: .as <name>; names use letters, digits, underscore, dot or hyphen',
  unknownDot: (p) => `Unknown console command .${p.name}. Available: .as, .react, .unreact, .join, .advance, .quit`,
  advanced: (p) => `Clock moved forward; it is now ${p.when}.`,
  fileSaved: (p) => `📎 File saved to ${p.path}`,
  blankLine: '(only spaces) Type /help for commands, or just chat.',
  lineFailed: (p) => `This line could not be handled: ${p.error}`,
  advanceUsage: 'Usage: .advance <duration>, e.g. .advance 25h, .advance 1d2h, .advance 30m',
  privateTo: (p) => `🔒 Private to ${p.user} (only ${p.user} sees this):`,
};

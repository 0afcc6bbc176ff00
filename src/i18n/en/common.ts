import type { Translation } from '../translation';
import type { common as zh } from '../zh-TW/common';
import { count } from './plural';

export const common: Translation<typeof zh> = {
  internalError: 'Sorry, something went wrong on our side and it has been logged. Please try again later or contact a facilitator.',
  membersOnly: 'This bot serves members of the Open Government Participation Officer network only. If you are a PO, use the bot in the network\'s group first, or ask a facilitator to add you to the roster.',
  notStored: 'Could not save that just now (the database is busy or full), so it was not recorded. Please try again in a moment.',
  noCommandName: 'A "/" needs a command name after it, e.g. /help for all commands.',
  unknownCommand: (p) => `Unknown command /${p.name}.` + (p.suggestion ? ` Did you mean /${p.suggestion}?` : '') + ' Type /help for all commands.',
  tooLong: (p) => `Input too long: at most ${count(p.max, 'character', 'characters')}, got ${p.actual}.`,
  controlChars: 'The input contains control characters; please remove them and try again.',
  bidiChars: 'The input contains text-direction control characters (they can disguise content); please remove them.',
  inputTooLarge: (p) => `Too long: at most ${p.maxKb} kB (about 3,400 Chinese characters); this was about ${p.kb} kB and was not processed.`,
  invisibleChars: 'The input contains invisible characters (zero-width spaces and the like, which can disguise content); please remove them.',
  massMention: 'The input may not contain mass mentions (such as @everyone, @channel, @here) or platform mention syntax.',
  markup: 'The input may not contain HTML tags or platform markup (<...>).',
  notANumber: (p) => `Please give a number. ${p.usage}`,
  notFacilitator: 'Only a facilitator (PDIS) can do this.',
  listMore: (p) => `...and ${p.n} more`,
  pageFooter: (p) => `Page ${p.page} of ${p.pages}, ${p.total} in all.` + (p.next ? ` Next page: ${p.next}` : ''),
  noSuchPage: (p) => `There is no page ${p.page}: there are ${p.pages}.`,
  none: '(none)',
  separator: ', ',
  and: ', ',
};

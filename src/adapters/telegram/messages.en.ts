import type { Translation } from '../../i18n/translation';
import type { telegram as zh } from './messages.zh-TW';

export const telegram: Translation<typeof zh> = {
  truncated: '... (message too long; the rest was left out)',
  continuedInFile: '... (message too long; the full text is in the attached message.txt)',
  addedToGroup: (p) =>
    `Hello, I am po-bot. Type /help for commands. To vote, press the "${p.emoji} +1" button under an issue card; ` +
    `to vote with a ${p.emoji} reaction, make me a group admin first: Telegram only tells admins about reactions.`,
  buttonExpired: 'This button no longer works; use /vote <issue number> instead.',
  privateWaiting: (p) =>
    `: I have a private message for you (its content is not shown here). Telegram lets a bot write privately only to people who pressed Start in its chat: open ${p.link} and press Start, and I will send it to you there, as I will the next ones.`,
};

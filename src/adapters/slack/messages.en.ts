import type { Translation } from '../../i18n/translation';
import type { slack as zh } from './messages.zh-TW';

export const slack: Translation<typeof zh> = {
  appDescription: "Issue proposals and reaction votes for Taiwan's Participation Officer (PO) network",
  notInChannel: 'The bot is not in this channel, so the card is not posted yet (Slack error: not_in_channel). Invite it with /invite @po-bot; the facilitators have been told and can send the card again then. What was saved is kept, see /issues.',
  channelNotFound: 'The bot cannot see this channel, so the card cannot be posted (Slack error: channel_not_found). Use the commands in a regular channel and invite the bot with /invite @po-bot first; what was saved is kept, see /issues.',
  apiError: (p) => `Slack refused this message (error: ${p.code}); it was not posted. What was saved is kept, see /issues; if this keeps happening, tell a facilitator.`,
  retrying: (p) => `Slack cannot take this message right now (${p.code}); it will be sent again automatically. What was saved is kept.`,
  fileFailed: (p) => `The file could not be uploaded to the channel (Slack error: ${p.code}); here is its content:`,
  attachment: (p) => `Attachment: ${p.filename}`,
  cardTrimmed: '(This card is longer than one Slack message allows; see the rest with the matching list command.)',
};

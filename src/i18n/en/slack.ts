import type { Translation } from '../translation';
import type { slack as zh } from '../zh-TW/slack';

export const slack: Translation<typeof zh> = {
  appDescription: "Issue proposals and reaction votes for Taiwan's Participation Officer (PO) network",
  notInChannel: 'The bot is not in this channel, so it cannot post the card (Slack error: not_in_channel). Invite it with /invite @po-bot first; what was saved is kept, see /issues.',
  channelNotFound: 'The bot cannot see this channel (Slack error: channel_not_found). Use the commands in a regular channel and invite the bot with /invite @po-bot first.',
  apiError: (p) => `Slack refused this message (error: ${p.code}); it was not sent. What was saved is kept; if this keeps happening, tell a facilitator.`,
  rateLimited: 'Slack is limiting how fast the bot may post, so this message was not sent. What was saved is kept; please try again shortly.',
  unreachable: 'Slack cannot be reached right now, so this message was not sent. What was saved is kept; please try again shortly.',
  attachment: (p) => `Attachment: ${p.filename}`,
  attachmentTruncated: (p) => `Attachment: ${p.filename} (too long, only the beginning is shown)`,
};

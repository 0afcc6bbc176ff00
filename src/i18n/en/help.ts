import type { Translation } from '../translation';
import type { help as zh } from '../zh-TW/help';

export const help: Translation<typeof zh> = {
  header: 'po-bot commands (Participation Officer network):',
  footer: 'Type /help <command> for one command. To vote, react 👍 on an issue card.',
  unknownTopic: (p) => `There is no /${p.name} command. Type /help for all commands.`,
  propose: '<title> | <details> - raise an issue; add #agency tags and a Join petition link',
  issues: '[open|top|mine|all] [page] - list issues (open / by votes / yours / all)',
  issue: '<number> - an issue with its voters grouped by agency',
  vote: '<number> - vote for an issue (or react 👍 on its card)',
  unvote: '<number> - withdraw your vote',
  withdraw: '<number> - withdraw an issue (proposer or facilitator)',
  edit: '<number> <title> | <details> - correct an issue; votes are kept (proposer or facilitator)',
  merge: '<from> <into> - merge a duplicate issue into another; its votes move along (facilitators)',
  iam: '<agency> - register the agency you represent',
  confirm: '<person> <agency> - confirm someone acts for an agency (facilitators; needed when a roster is in use)',
  agencies: '- list agencies and their short names',
  help: '[command] - show this help',
  guide: "- the newcomer's guide: what a PO is, what to do and how, and your ministry's open work",
  po: '- same as /guide',
};

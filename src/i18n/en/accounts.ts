import type { Translation } from '../translation';
import type { accounts as zh } from '../zh-TW/accounts';

export const accounts: Translation<typeof zh> = {
  helpLink: '- link your account on another platform (a one-time code, sent privately); /link <code> on the other platform completes it; /link shows what is linked',
  helpUnlink: '<platform> - undo the link with your account on that platform',
  privateChatOnly: 'So that the link code does not show in the group, send /link to the bot in a private chat.',
  codeIssued: (p) =>
    `Your account link code: ${p.code} (valid until ${p.until}, once). On the other platform, send the bot privately: /link ${p.code}\nOnce linked, the two accounts are one person: one agency, one vote per proposal; facilitator rights are not carried across.`,
  linkedWith: (p) => `This account is linked with ${p.accounts}: one person. To undo it, send /unlink <platform>.`,
  codeInGroup: 'A link code must be sent to the bot in a private chat, never in a group: this one was seen by others and no longer works. Send /link on your other account for a new one.',
  codeUnknown: 'There is no such link code: check it for typos (it looks like ABCD-EFGH), or send /link on your other account for a new one.',
  codeExpired: 'This link code has expired (codes are valid 10 minutes): send /link on your other account for a new one.',
  codeUsed: 'This link code was already used or invalidated (each code works once): send /link on your other account for a new one.',
  selfLink: 'This code was made by this same account: send /link <code> to the bot from your account on the other platform.',
  samePlatform: (p) => `Both accounts are on ${p.platform}: only accounts on different platforms can be linked.`,
  alreadyLinkedSelf: (p) => `This account is already linked with ${p.accounts}; an account links with one account on another platform. To change it, send /unlink ${p.platform} first.`,
  alreadyLinkedOther: (p) => `The account that made the code, ${p.name}, is already linked with ${p.accounts}: send /unlink there first, then make a new code.`,
  alreadyTogether: 'These two accounts are already linked.',
  agencyConflict: (p) =>
    `The two accounts stand for different agencies (${p.a} / ${p.b}), and ${p.how}: one person stands for one agency. Make them match with /iam (or ask a facilitator to /confirm), then send the code again (it is still valid).`,
  bothConfirmed: 'both are confirmed',
  bothClaimed: 'both are only claimed',
  linked: (p) =>
    `Linked: ${p.a} and ${p.b} are one person now; agency: ${p.agency}. ` +
    (p.joined ? `On ${p.joined === 1 ? '1 proposal' : `${p.joined} proposals`} both accounts had voted for, the two votes now count as one (the card says so). ` : '') +
    'Facilitator rights stay with the account they were given to and are not carried across.',
  noAgency: '(none registered)',
  unlinkUsage: (p) => `Say which platform to unlink. Usage: /unlink <platform>, here /unlink ${p.platform}`,
  notLinked: 'This account is not linked with an account on another platform.',
  notLinkedOn: (p) => `This account is not linked with an account on ${p.platform} (linked: ${p.accounts}).`,
  unlinked: (p) => `Unlinked from ${p.accounts}: the two accounts vote separately from now on. Votes joined earlier stay with the older account.`,
  account: (p) => `${p.name} (${p.platform})`,
  cardJoined: (p) => `🔗 ${p.n === 1 ? '1 person' : `${p.n} people`} voted from two linked accounts, counted once`,
  historyJoined: (p) => `${p.name} linked two accounts; their two votes became one`,
};

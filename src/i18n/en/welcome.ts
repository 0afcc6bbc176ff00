import type { Translation } from '../translation';
import type { welcome as zh } from '../zh-TW/welcome';

export const welcome: Translation<typeof zh> = {
  greeting: "Welcome to the Participation Officer (PO) network! Here is the newcomer's guide:",
  guideTitle: "PO newcomer's guide",
  guide: [
    '## What is a PO?',
    "A Participation Officer (開放政府聯絡人, PO) is one of 1-3 officers each ministry appoints and fully authorises for open-government and public-participation work: the ministry's \"translator\" between its units and the public.",
    '',
    '## How does the network work?',
    '- Cross-ministry issues are raised with `/propose`; everyone votes with 👍 on the card, and the **monthly PO meeting** picks about two a month.',
    '- A selected issue becomes a numbered **case** (case 1, case 2 ...) with a **lead** agency and **co-agencies**.',
    '- For a petition from the Join platform, the ministry must respond within **60 days** of it passing; the bot reminds you of the deadline.',
    '- **Weekly** workshops (Fridays, pre-meeting Thursday), **monthly** reports and votes, **quarterly** milestone reviews; every decision\'s follow-up item (**列管**) is tracked until it is released.',
    '',
    '## Five things to do first',
    '1. `/iam <agency>` to say which ministry you represent',
    '2. `/propose <title> | <details>` to raise an issue that needs several ministries',
    '3. Vote with 👍 on an issue card',
    '4. `/cases` to see the open cases',
    '5. `/help` for every command',
  ].join('\n'),
  meetingsHeader: 'Next meetings',
  noMeetings: 'No meetings are scheduled.',
  agencyHeader: (p) => `Open cases and follow-up items of ${p.agency} (nearest deadline first)`,
  agencyNothing: (p) => `${p.agency} has no open cases or follow-up items.`,
  registerHint: "Once you register your ministry with /iam <agency>, its open cases and follow-up items are listed here.",
  short: "Welcome to the Participation Officer (PO) network! Type /guide to see what a PO is, what to do and which tools help; first, register your ministry with /iam <agency>.",
};

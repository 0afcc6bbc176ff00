import type { Translation } from '../translation';
import type { search as zh } from '../zh-TW/search';
import { count } from './plural';

export const search: Translation<typeof zh> = {
  helpSearch: '<words> - search proposals, cases, decisions, follow-up items and minutes',
  usage: 'Type the words to look for, e.g. /search MOTC (separate words with spaces; every result contains each one)',
  tooLong: (p) => `The search is too long: at most ${count(p.max, 'character', 'characters')}.`,
  tooManyTerms: (p) => `Too many words: at most ${count(p.max, 'word', 'words')}.`,
  header: (p) => `Search results for "${p.q}"`,
  none: (p) => `Nothing on record contains "${p.q}".`,
  kindProposal: 'Proposals',
  kindCase: 'Cases',
  kindDecision: 'Decisions',
  kindItem: 'Follow-up items',
  kindSpeech: 'Said in meetings',
  more: '... and more',
  moreOnWeb: 'All results: ',
  title: 'Search',
  label: 'Words to find',
  button: 'Search',
  hint: 'Finds words in proposals, cases (timeline notes included), decisions, follow-up items and what was said in meetings; Chinese words of two characters or more need no spaces; separate several words with spaces.',
  moreOfKind: (p) => `More: ${p.kind}`,
  allKinds: 'Back to all results',
};

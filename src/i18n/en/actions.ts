import type { Translation } from '../translation';
import type { actions as zh } from '../zh-TW/actions';
import { count } from './plural';

export const actions: Translation<typeof zh> = {
  helpAction: '[case N] <agency|@person> <text> [due <date>] - add a follow-up item (facilitators)',
  helpDone: '<number> [note] - release a follow-up item (facilitators or the owning agency)',
  helpActions: '[all|mine|overdue|<agency>] [page] - list follow-up items',
  actionUsage: 'Usage: /action [case N] <owning agency or @person> <text> [due <date>]\ne.g. /action MOTC send the crossing accident data due 12/4, /action MOTC collect comments due next friday, /action case 3 @alice contact the proposer\nDates: 12/4, next friday, end of month. A date without a year means its next occurrence (today counts); a past date needs its year.',
  doneUsage: 'Usage: /done <item number> [note], e.g. /done 5 answered by letter on 12/3',
  listUsage: 'Usage: /actions [all|mine|overdue|<agency>] [page]',
  textEmpty: 'Please say what the follow-up item is.',
  ownerAmbiguous: (p) => `${count(p.n, 'person is', 'people are')} called "${p.name}"; use the agency or their platform user id instead.`,
  ownerUnknown: (p) =>
    `No agency or person "${p.name}".` + (p.suggestions ? ` Did you mean: ${p.suggestions}?` : ' Agencies are listed by /agencies; name a person as @name.'),
  ownerUserAgency: (p) => `${p.user} (${p.agency})`,
  keep: 'Tracked',
  released: 'Released',
  lineHead: (p) => `#${p.id} ${p.owner}: `,
  lineDue: (p) => ` (due ${p.date}, ${p.note})`,
  lineNoDue: ' (no due date)',
  lineDone: (p) => ` (released ${p.date}${p.note ? `: ${p.note}` : ''})`,
  created: (p) => `Follow-up #${p.id} for ${p.owner}: `,
  createdDue: (p) => ` (due ${p.date})`,
  createdCase: (p) => `Case: ${p.name} "${p.title}"`,
  createdMeeting: (p) => `Meeting: #${p.id}`,
  remindHowToClose: (p) => `When it is done, type /done ${p.id} [note] to release it.`,
  notFound: (p) => `There is no follow-up item #${p.id}. Type /actions for the list.`,
  doneForbidden: (p) => `Only a facilitator or its owner (${p.owner}) can release follow-up #${p.id}.`,
  alreadyDone: (p) => `Follow-up #${p.id} is already released.`,
  doneSet: (p) => `Released follow-up #${p.id} (${p.owner}): `,
  doneNote: 'Note: ',
  listEmpty: 'No matching follow-up items.',
  listHeader: (p) => `Follow-up items (${p.n}):`,
  remindDue: (p) => `Follow-up #${p.id} (${p.owner}) is due today (${p.date}): `,
  remindDueIn: (p) => `Follow-up #${p.id} (${p.owner}) is due in ${count(p.n, 'day', 'days')} (${p.date}): `,
  remindDueOverdue: (p) => `Follow-up #${p.id} (${p.owner}) is ${count(p.n, 'working day', 'working days')} overdue (due ${p.date}): `,
  remindDuePast: (p) => `Follow-up #${p.id} (${p.owner}) was due ${p.date}, no working day since: `,
};

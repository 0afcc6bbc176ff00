import type { Translation } from '../translation';
import type { meetings as zh } from '../zh-TW/meetings';
import { count } from './plural';

const WHEN_EXAMPLES = 'Write e.g. 2026-12-04 10:00, 12/4 10:00, tomorrow 10:00, next fri 2pm. A date without a year means its next occurrence (today counts).';
const plural = (n: number, word: string) => count(n, word, `${word}s`);

export const meetings: Translation<typeof zh> = {
  helpMeeting: '<number> | add <title> <date> <time> [length] | cancel <number> | move <number> <date> <time> | close <number> | ics - meetings: show, add, cancel, move, close, export a calendar',
  helpMeetings: '- list upcoming meetings',
  helpAgenda: '[number] | add [#meeting] <text> | remove <item> | done <item> - the agenda draft and extempore motions',
  usage:
    'Usage:\n/meeting <number> show a meeting\n/meeting add <title> <date> <time> [length] add one\n/meeting cancel <number> cancel\n/meeting move <number> <date> <time> move\n/meeting close <number> close (motions not reached move to the next)\n/meeting ics export a calendar file',
  addUsage: `Usage: /meeting add <title> <date> <time> [length], e.g. /meeting add MOTC collaboration 12/4 10:00 2h. ${WHEN_EXAMPLES}`,
  cancelUsage: 'Usage: /meeting cancel <meeting number>, e.g. /meeting cancel 12',
  moveUsage: 'Usage: /meeting move <meeting number> <date> <time>, e.g. /meeting move 12 next fri 10:00',
  closeUsage: 'Usage: /meeting close <meeting number>, e.g. /meeting close 12',
  durationInvalid: 'A meeting lasts between 5 minutes and 12 hours, e.g. 90m, 2h, 1h30m.',
  whenNoTime: 'Please give a time as well, e.g. "12/4 10:00" or "tomorrow 2pm".',
  whenNoDate: 'Please give a date as well, e.g. "tomorrow 10:00" or "2026-12-04 10:00".',
  whenInvalid: 'That date or time does not exist (e.g. 30 February, 25:00); please check it.',
  whenSkipped: (p) => `That time does not exist in ${p.zone} (clocks skip it for daylight saving); please pick another.`,
  whenRepeated: (p) => `That time happens twice when daylight saving ends (${p.first} or ${p.second}); please pick another.`,
  whenPast: (p) => `${p.when} has already passed; please give a future time.`,
  whenPastYearless: (p) => `${p.when} has already passed. If you mean next year, write the year, e.g. 2027-12-04 10:00.`,
  whenTooFar: (p) => `${p.when} is more than two years away; please check the date.`,
  whenAmbiguousHour: (p) => `Ambiguous time: ${p.early} or ${p.late}? Use the 24-hour clock (e.g. ${p.late}) or add am/pm.`,
  whenUnrecognized: (p) => `Cannot read "${p.input}" as a date and time. ${WHEN_EXAMPLES}`,
  notFound: (p) => `No meeting #${p.id}. Type /meetings for the upcoming ones.`,
  notScheduled: (p) => `Meeting #${p.id} is ${p.status} and cannot be changed.`,
  alreadyStarted: (p) => `Meeting #${p.id} has already started and cannot be moved; close it with /meeting close ${p.id}.`,
  added: (p) => `Added meeting #${p.id} "${p.title}": ${p.when}.`,
  cancelledNotice: (p) => `📅 Meeting cancelled: #${p.id} "${p.title}" (was ${p.when}).`,
  movedNotice: (p) => `📅 Meeting moved: #${p.id} "${p.title}" is now ${p.to} (was ${p.from}). Reminders and agenda move with it.`,
  closed: (p) => `Closed meeting #${p.id} "${p.title}".`,
  itemsCarried: (p) => `${plural(p.n, 'motion')} not reached moved to the next meeting #${p.id} (${p.when}).`,
  itemsStranded: (p) => `${plural(p.n, 'motion')} found no next meeting and stay on #${p.id}; queue them again with /agenda add.`,
  listHeader: 'Upcoming meetings:',
  listEmpty: 'No meetings scheduled. A facilitator can add one with /meeting add.',
  listLine: (p) => `#${p.id} [${p.kind}] ${p.title} - ${p.when}`,
  inProgress: '(in progress)',
  kindWeekly: 'weekly',
  kindMonthly: 'monthly',
  kindQuarterly: 'quarterly',
  kindOther: 'meeting',
  statusScheduled: 'scheduled',
  statusCancelled: 'cancelled',
  statusClosed: 'closed',
  detailKind: (p) => `Kind: ${p.kind}; status: ${p.status}`,
  detailWhen: (p) => `When: ${p.when}`,
  detailReminders: (p) => `Reminders at: ${p.list}`,
  holiday: (p) => `⚠️ That day is a public holiday: ${p.names}`,
  substitute: ' (observed)',
  relative: (p) => {
    const parts = [p.days && plural(p.days, 'day'), p.hours && plural(p.hours, 'hour'), !p.days && p.minutes && plural(p.minutes, 'minute')].filter(Boolean);
    return parts.length ? `in ${parts.join(' ')}` : 'starting now';
  },
  reminderTitle: (p) => `⏰ Meeting reminder: ${p.title} (#${p.id})`,
  reminderWhen: (p) => `When: ${p.when} (${p.relative})`,
  reminderAgencies: (p) => `Agencies with items on the agenda: ${p.names}`,
  reminderNoAgencies: 'No agency has items on the agenda yet.',
  reminderAgendaHint: (p) => `Agenda: /agenda ${p.id}; raise a motion: /agenda add ${p.id} <text>`,
  reminderLate: (p) => `(Late reminder: due ${p.due}, while the bot was not running)`,
  icsEmpty: 'There are no meetings to export.',
  icsReady: (p) => `Calendar file (iCalendar): ${plural(p.n, 'meeting')}. Importing it again later updates the events instead of duplicating them.`,
  icsCalName: 'Participation Officer meetings',
  icsDescription: (p) => `${p.kind} (po-bot meeting #${p.id}). Agenda: /agenda ${p.id}`,
};

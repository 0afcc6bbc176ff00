import type { Translation } from '../translation';
import type { calendar as zh } from '../zh-TW/calendar';

// The official calendar names days in Chinese only; these are the English names in use.
const NAMES: Record<string, string> = {
  開國紀念日: "Founding Day / New Year's Day",
  小年夜: "The day before Lunar New Year's Eve",
  農曆除夕: "Lunar New Year's Eve",
  春節: 'Lunar New Year',
  和平紀念日: 'Peace Memorial Day',
  兒童節: "Children's Day",
  民族掃墓節: 'Tomb Sweeping Day',
  清明節: 'Tomb Sweeping Day',
  兒童節及民族掃墓節: "Children's Day and Tomb Sweeping Day",
  勞動節: 'Labour Day',
  端午節: 'Dragon Boat Festival',
  中秋節: 'Mid-Autumn Festival',
  孔子誕辰紀念日: "Confucius' Birthday",
  '孔子誕辰紀念日/教師節': "Confucius' Birthday / Teachers' Day",
  國慶日: 'National Day',
  臺灣光復暨金門古寧頭大捷紀念日: 'Taiwan Retrocession Day',
  行憲紀念日: 'Constitution Day',
  補假: 'Substitute holiday',
  調整放假: 'Bridge holiday',
  放假: 'Day off',
  補行上班: 'Make-up working day',
  調整上班: 'Make-up working day',
};

export const calendar: Translation<typeof zh> = {
  holidayName: (p) => NAMES[p.name] ?? `${p.name}`,
  substituteFor: (p) => `${p.name} (${p.holiday})`,
  saturday: 'a Saturday',
  sunday: 'a Sunday',
  rolledForward: (p) => ` (${p.day} is ${p.why}; moved to the next working day under Art. 48 of the Administrative Procedure Act)`,
  monthDay: (p) => `${p.day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][p.month - 1]}`,
  unofficialYear: (p) => ` (${p.year} office calendar not yet published: working days estimated)`,
  pastWarning: (p) => `⚠️ Note: ${p.date} is already past; stored with the year you wrote.`,
  pastNeedsYear: (p) => `"${p.input}" is a day already past. Write a past date with its year (e.g. 2026/5/7) so it cannot be mistaken.\n${p.usage}`,
  closedDueDay: (p) => `⚠️ ${p.date} is a day offices are closed (${p.why}); the reminder goes out on the working day before, ${p.before}.`,
  closedDeadlineDay: (p) => `⚠️ ${p.date} is a day offices are closed (${p.why}).`,
  nonWorkingDeadline: (p) => ` (that day is ${p.why}, not a working day)`,
  helpCalendar: 'close <date> <reason> - record a one-off office closure (a typhoon day); every deadline and reminder avoids it (facilitators)',
  calendarUsage: 'Usage: /calendar close <date> <reason>, e.g. /calendar close 9/3 typhoon',
  closePast: (p) => `${p.date} is already past: a closure cannot be added afterwards. Nothing was changed.`,
  closeAlready: (p) => `${p.date} is not a working day anyway (${p.why}): nothing to record.`,
  closed: (p) => `Recorded: offices closed on ${p.date} (${p.reason}). Deadlines and reminders avoid that day.`,
  closeMoved: (p) => `${p.name}'s response deadline moves from ${p.from} to ${p.to}.`,
};

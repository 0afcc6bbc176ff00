import type { Translation } from '../translation';
import type { sop as zh } from '../zh-TW/sop';

export const sop: Translation<typeof zh> = {
  nudgeBefore: (p) => `⏰ ${p.name} "${p.title}": ${p.stage} is due by ${p.date} (${p.n === 1 ? '1 working day' : `${p.n} working days`} left).`,
  nudgeToday: (p) => `⏰ ${p.name} "${p.title}": ${p.stage} is due today (${p.date}) and not recorded as done.`,
  nudgeHow: (p) => `When it is done, type (or ask a facilitator to type): ${p.command}`,
  nudgeLate: (p) => `(This reminder was due on ${p.planned}; the bot was down, so it comes late.)`,
  nudgeForFacilitators: (p) => `(${p.lead} has no confirmed PO, so the facilitators get this reminder.)`,
  nudgeNoLead: '(No lead agency is named yet, so the facilitators get this reminder.)',
  missed: (p) => `⚠️ ${p.name} "${p.title}": ${p.stage} was due by ${p.date} and is not recorded as done.`,
  missedAsk: (p) => `Lead agency, please give the reason in one line: /case ${p.n} reason <reason>`,
};

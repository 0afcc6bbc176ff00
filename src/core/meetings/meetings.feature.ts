import type { Feature } from '../feature';
import type { AgendaContributor } from './meeting';
import type { MeetingCalendar } from './calendar';
import { meetingCommands } from './meetings.commands';
import { agendaCommand } from './agenda.commands';
import { AGENDA_RECORD, meetingJobs } from './meetings.jobs';
import { discussionContributor } from './agenda.discussion';
import { motionsContributor } from './agenda.motions';
import { MeetingFormat } from './meeting.format';
import { compileAgenda, renderAgenda } from './agenda.compile';

/**
 * Meetings, reminders and agendas. `contributors` reads every feature's agenda contributors
 * (this one's 討論事項 and 臨時動議 among them) at compile time, so features installed later count.
 */
export function meetingsFeature(calendar: MeetingCalendar, contributors: () => readonly AgendaContributor[]): Feature {
  return {
    name: 'meetings',
    commands: [...meetingCommands(calendar), agendaCommand(calendar, contributors)],
    jobs: meetingJobs(calendar, contributors),
    agenda: [discussionContributor(), motionsContributor()],
    cards: {
      // A posted agenda is re-rendered in place when its items change.
      [AGENDA_RECORD]: (id, locale, services) => {
        const m = services.store.meetings.get(id);
        if (!m) return undefined;
        const fmt = new MeetingFormat(calendar.settings, locale);
        return renderAgenda(compileAgenda(m, contributors(), fmt, services, services.clock.now()), fmt, { draft: m.status === 'scheduled' });
      },
    },
  };
}

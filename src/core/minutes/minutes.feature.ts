import type { Feature } from '../feature';
import type { MeetingCalendar } from '../meetings/calendar';
import { minutesCommands } from './minutes.commands';
import { minutesRecorder } from './minutes.recorder';
import { sayitUploadJob } from './sayit/sayit-upload.job';

/** Minutes in chat (MeetBot-style): record, tag, summarise, export as Markdown and Akoma Ntoso. */
export function minutesFeature(calendar: MeetingCalendar): Feature {
  return {
    name: 'minutes',
    commands: minutesCommands(calendar),
    messages: [minutesRecorder],
    jobs: [sayitUploadJob],
  };
}

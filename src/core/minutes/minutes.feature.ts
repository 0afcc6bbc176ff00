import type { Feature } from '../feature';
import type { MeetingCalendar } from '../meetings/calendar';
import { minutesCommands } from './minutes.commands';
import { minutesRecorder } from './minutes.recorder';
import { sayitUploadJob } from './sayit/sayit-upload.job';
import { reviewJobs, type ReviewSettings } from './review/review';

/** Minutes in chat (MeetBot-style): record, tag, summarise, export as Markdown and Akoma Ntoso. */
export function minutesFeature(calendar: MeetingCalendar, review: ReviewSettings): Feature {
  return {
    name: 'minutes',
    commands: minutesCommands(calendar, review),
    messages: [minutesRecorder],
    jobs: [sayitUploadJob, ...reviewJobs(review)],
  };
}

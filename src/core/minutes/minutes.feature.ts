import type { Feature } from '../feature';
import { minutesCommands } from './minutes.commands';
import { minutesRecorder } from './minutes.recorder';

/** Minutes in chat (MeetBot-style): record, tag, summarise, export as Markdown and Akoma Ntoso. */
export const minutesFeature: Feature = {
  name: 'minutes',
  commands: minutesCommands,
  messages: [minutesRecorder],
};

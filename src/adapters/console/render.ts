import { richToPlain, type OutboundMessage } from '../../core/types';

/** The console shows plain text: no markup to escape, links written out. */
export function renderConsole(m: OutboundMessage): string {
  return richToPlain(m.text);
}

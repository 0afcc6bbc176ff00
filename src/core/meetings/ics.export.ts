import type { EventAttributes } from 'ics';
import type { Attachment } from '../types';
import type { Meeting } from './meeting';
import type { MeetingFormat } from './meeting.format';

export const ICS_FILENAME = 'po-bot-meetings.ics';

/**
 * A stable UID: series occurrences by series and original start (so even a rebuilt database
 * gives the same UID), ad-hoc meetings by id. Re-importing then updates instead of duplicating.
 */
export function meetingUid(m: Meeting, domain: string): string {
  return m.series !== null && m.occurrence ? `${m.series}-${m.occurrence.getTime()}@${domain}` : `meeting-${m.id}@${domain}`;
}

/**
 * The meetings as an iCalendar file, times in UTC (every calendar converts them to its own
 * zone), SEQUENCE from the meeting's revision and cancelled ones marked CANCELLED so calendars
 * that imported them drop them.
 */
export function meetingsIcs(meetings: readonly Meeting[], fmt: MeetingFormat, opts: { domain: string; now: Date; url?: (m: Meeting) => string }): Attachment {
  const { t } = fmt;
  const events: EventAttributes[] = meetings.map((m) => {
    const holiday = fmt.holiday(m.startsAt);
    const url = opts.url?.(m);
    // The page's address in URL (for calendars that show it) and in the description (for those that do not).
    const description = [t('meetings.icsDescription', { id: m.id, kind: fmt.kind(m.kind) }), holiday, url].filter(Boolean).join('\n');
    return {
      ...(url ? { url } : {}),
      uid: meetingUid(m, opts.domain),
      title: m.title,
      description,
      start: m.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: m.durationMin },
      status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      sequence: m.revision,
      categories: [fmt.kind(m.kind)],
      // DTSTAMP from the injected clock, not the library's Date.now().
      timestamp: opts.now.getTime(),
    } as EventAttributes;
  });
  // Loaded on the first export, not at start-up.
  const { createEvents } = require('ics') as typeof import('ics');
  const { error, value } = createEvents(events, { productId: '-//po-bot//meetings//EN', method: 'PUBLISH', calName: t('meetings.icsCalName') });
  if (error || value === null) throw error ?? new Error('ics produced nothing');
  return { filename: ICS_FILENAME, mime: 'text/calendar', content: foldOctets(value) };
}

/**
 * RFC 5545 §3.1: content lines are folded at 75 octets. The ics package counts characters, so a
 * Chinese title (3 octets each) makes 200-octet lines some calendar apps cut or reject: refold
 * by octets, never inside a character.
 */
export function foldOctets(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const ch of line) {
        const n = Buffer.byteLength(ch);
        // The first line holds 75 octets; continuation lines start with a space, so 74 more.
        if (octets + n > (parts.length ? 74 : 75)) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += ch;
        octets += n;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

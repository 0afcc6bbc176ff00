import type { Meeting } from '../../core/meetings/meeting';
import type { PageCtx } from '../context';

/** A meeting as open data, the same wherever it is listed (its list, the overview, a case). */
export function meetingJson(p: PageCtx, m: Meeting) {
  return { id: m.id, title: m.title, kind: m.kind, status: m.status, startsAt: p.iso(m.startsAt), durationMin: m.durationMin, url: p.absolute(`/meetings/${m.id}`) };
}

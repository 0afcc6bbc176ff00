import type { Reply } from '../feature';
import type { JobHandler } from '../jobs';
import type { Span } from '../types';
import { parseChatRef } from '../types';
import type { CaseworkSettings } from '../cases/casework.settings';
import { agencyPOs } from '../cases/roles';
import { formatTime } from '../../i18n/format-date';
import { votingAgencies } from './voters';
import { personOf } from '../records';

export const NUDGE_JOB = 'ballot.nudge';
export const nudgeJobKey = (id: number) => `ballot:${id}:nudge`;

/**
 * Halfway through a ballot, one private reminder to each confirmed PO of an agency that has not
 * voted yet; nobody else hears of it, and who has not voted is never posted. Run again after a
 * crash before its messages were queued, it sends them then (they are queued with the job's
 * completion, once).
 */
export function nudgeJob(s: CaseworkSettings): JobHandler {
  return {
    kind: NUDGE_JOB,
    run({ job, now, t, services }) {
      const { ballots } = services.store;
      const b = ballots.get(Number(job.payload.ballotId));
      if (!b || b.closedAt !== null || now.getTime() >= b.closesAt.getTime()) return [];
      const voted = ballots.votedAgencies(b.id);
      const meeting = services.store.meetings.get(b.meetingId);
      const chatPlatform = parseChatRef(b.chat).platform;
      const out: Reply[] = [];
      for (const agencyId of votingAgencies(services, s)) {
        if (voted.has(agencyId)) continue;
        const agency = services.people.agencies.name(agencyId) ?? '?';
        // A person with linked accounts (/link) hears once: on the ballot's platform if they are there.
        const pos = agencyPOs(agencyId, services, s).sort((a, b) => Number(b.platform === chatPlatform) - Number(a.platform === chatPlatform));
        const told = new Set<number>();
        for (const po of pos) {
          const user = services.store.people.userByRef(po.platform, po.id);
          if (user) {
            if (told.has(personOf(user))) continue;
            told.add(personOf(user));
          }
          const text: Span[] = ['🗳️ ', t('ballot.nudge', { agency, meeting: meeting?.title ?? '?', at: formatTime(b.closesAt, services.settings.timezone), k: b.votesPerAgency })];
          // The ballot's chat is where a platform that cannot reach them privately may fall back.
          out.push({ type: 'private', to: po, message: { text }, ...(po.platform === chatPlatform ? { near: b.chat } : {}) });
        }
      }
      return out;
    },
  };
}

import type { Reply, Services } from '../feature';
import type { JobHandler } from '../jobs';
import type { Locale, Translate } from '../../i18n/catalog';
import type { Ballot } from './ballot';
import { BALLOT_RECORD, rankingText } from './ballot-view';
import { minutesLine } from './ballot-minutes';

export const CLOSE_JOB = 'ballot.close';
export const closeJobKey = (id: number) => `ballot:${id}:close`;

interface CloseCtx {
  services: Services;
  t: Translate;
  locale: Locale;
  now: Date;
}

/**
 * What closing says, once the ballot is closed: the card (edited in place) turns into the
 * result, the result is posted where the ballot ran, and the totals go into the minutes.
 */
export function closedReplies(b: Ballot, c: CloseCtx, by: number, record = true): Reply[] {
  if (record) {
    const voted = c.services.store.ballots.votedAgencies(b.id).size;
    minutesLine(c.services, b.chat, { kind: 'decision', text: c.t('ballot.minutesClosed', { voted, ranking: rankingText(b, c) }), userId: by, at: c.now });
  }
  return [
    { type: 'refresh', record: { kind: BALLOT_RECORD, id: b.id } },
    { type: 'post', chat: b.chat, message: c.services.cards.render({ kind: BALLOT_RECORD, id: b.id }, c.locale)!, show: { kind: BALLOT_RECORD, id: b.id } },
  ];
}

/**
 * Closes the ballot at its end, also after a restart in between (the job is persisted). Run
 * again after a crash before its posts were queued, it finds the ballot it closed and says so
 * again; a ballot someone closed by hand has said it already.
 */
export const closeJob: JobHandler = {
  kind: CLOSE_JOB,
  run({ job, now, t, locale, services }) {
    const { ballots } = services.store;
    const id = Number(job.payload.ballotId);
    return services.store.transaction(() => {
      const open = ballots.get(id);
      // It closed at its end, even when the bot was down then and closes it later: no vote
      // after that time was taken (ballot-view.ts isOpen), and the record says so.
      const closedNow = open !== undefined && ballots.close(id, open.closesAt.getTime() < now.getTime() ? open.closesAt : now, null);
      const b = ballots.get(id);
      if (!b || (!closedNow && b.closedBy !== null)) return [];
      // Run again after a crash before its posts were queued: the minutes have their line already.
      return closedReplies(b, { services, t, locale, now }, b.openedBy, closedNow);
    });
  },
};

import type { RichText } from '../types';
import type { AgendaContext, AgendaContributor } from './meeting';
import type { BallotRow } from './agenda.port';

/** Issues shown on an agenda; the rest are counted ("…and N more"). */
export const BALLOT_LIMIT = 20;
/** Agencies named per issue in the per-agency counts. */
const AGENCIES_SHOWN = 6;

/**
 * 討論事項／投票議題: open issues (all of them on a monthly meeting's ballot, else those proposed
 * since the last meeting of the same series; see AgendaContext.ballotSince), ranked
 * by votes (by agencies first when votes count per agency), with votes per agency.
 */
export function discussionContributor(): AgendaContributor {
  // lines() and agencies() see the same context once per compile: query the ballot once.
  const memo = new WeakMap<AgendaContext, { rows: BallotRow[]; total: number }>();
  const ballot = (ctx: AgendaContext) => {
    let b = memo.get(ctx);
    if (!b) {
      const order = ctx.services.settings.voting.countBy === 'agency' ? 'agencies' : 'votes';
      b = ctx.services.store.agenda.ballot({ since: ctx.ballotSince, until: ctx.meeting.startsAt, limit: BALLOT_LIMIT, order });
      memo.set(ctx, b);
    }
    return b;
  };

  return {
    section: 'discussion',
    order: 0,
    lines(ctx) {
      const { t } = ctx;
      const names = ctx.services.people.agencies;
      const { rows, total } = ballot(ctx);
      const lines: RichText[] = rows.map((r, i) => {
        const line: RichText[number][] = [t('agenda.ballotLine', { rank: i + 1, id: r.issueId, title: r.title, votes: r.votes, agencies: r.agencies })];
        if (r.byAgency.length) {
          const shown = r.byAgency.slice(0, AGENCIES_SHOWN).map((a) => t('agenda.agencyCount', { name: names.name(a.agencyId) ?? t('agencies.unaffiliated'), n: a.votes }));
          if (r.byAgency.length > AGENCIES_SHOWN) shown.push(t('agenda.moreAgencies', { n: r.byAgency.length - AGENCIES_SHOWN }));
          line.push(t('agenda.byAgency', { list: shown.join(t('common.separator')) }));
        }
        return line;
      });
      if (total > rows.length) lines.push([t('common.listMore', { n: total - rows.length })]);
      return lines;
    },
    agencies(ctx) {
      const out = new Set<number>();
      for (const r of ballot(ctx).rows) {
        for (const a of r.agencyIds) out.add(a);
        if (r.proposerAgencyId !== null) out.add(r.proposerAgencyId);
      }
      return [...out];
    },
  };
}

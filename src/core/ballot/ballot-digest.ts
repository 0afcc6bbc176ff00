import type { Locale, Translate } from '../../i18n/catalog';
import type { Services } from '../feature';
import type { Span } from '../types';
import type { Ballot } from './ballot';
import { formatCaseNumber } from '../cases/case-number';
import { rankingText } from './ballot-view';

/**
 * One ballot in the weekly digest: how many agencies voted, the ranking (totals only), the cases
 * it became and the issues agencies handle themselves. Never an agency's choice.
 */
export function ballotDigestLine(b: Ballot, ctx: { t: Translate; locale: Locale; services: Services }): Span[] {
  const { t, services } = ctx;
  const { store, people } = services;
  const sep = t('common.separator');
  const meeting = store.meetings.get(b.meetingId);
  const out: Span[] = [t('reports.ballotLine', { meeting: meeting?.title ?? '?', id: b.meetingId, voted: store.ballots.votedAgencies(b.id).size, ranking: rankingText(b, ctx) })];
  const slate = store.ballots.slate(b.meetingId);
  const chosen = slate.filter((e) => e.state === 'selected').map((e) => store.cases.byIssue(e.issueId)).filter((c) => c !== undefined).sort((x, y) => x.number - y.number);
  if (chosen.length) out.push(t('reports.ballotSelected', { list: chosen.map((c) => `${formatCaseNumber(c.number, ctx.locale)}「${c.title}」`).join(sep) }));
  const handled = slate.filter((e) => e.state === 'handled').map((e) => t('ballot.handledShort', { id: e.issueId, agency: people.agencies.name(e.handledAgencyId) ?? '?' }));
  if (handled.length) out.push(t('reports.ballotHandled', { list: handled.join(sep) }));
  return out;
}

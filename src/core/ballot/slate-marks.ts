import type { Services } from '../feature';
import type { Translate } from '../../i18n/catalog';

/**
 * What the 月會 last said of an issue still open: 部會自行處理 (with the agency), or 本月未選定.
 * Shown beside it on its card, /issue, the web and the digest. An issue put on a later slate
 * loses the mark (its latest entry is `on`).
 */
export function slateMark(issueId: number, services: Services, t: Translate): string | undefined {
  const e = services.store.ballots.latestEntry(issueId);
  if (!e) return undefined;
  if (e.state === 'handled') return t('ballot.markHandled', { agency: services.people.agencies.name(e.handledAgencyId) ?? '?' });
  if (e.state === 'unselected') return t('ballot.markUnselected');
  return undefined;
}

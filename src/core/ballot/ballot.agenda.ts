import type { RichText } from '../types';
import type { AgendaContributor } from '../meetings/meeting';

/**
 * 討論事項／投票議題 of a meeting with a slate: the slate itself, first, each issue with who put
 * it up and what became of it (部會自行處理, selected, not selected this month).
 */
export const slateContributor: AgendaContributor = {
  section: 'discussion',
  about: 'issues',
  order: -10,
  lines(ctx) {
    const { store, people } = ctx.services;
    const entries = store.ballots.slate(ctx.meeting.id).filter((e) => e.state !== 'removed');
    if (!entries.length) return [];
    const rows: RichText[] = [[{ bold: ctx.t('ballot.agendaSlate', { n: entries.length }) }]];
    for (const e of entries) {
      const title = store.issues.get(e.issueId)?.title ?? '?';
      const by = e.agencyId === null ? ctx.t('ballot.byFacilitator') : ctx.t('ballot.byAgency', { agency: people.agencies.name(e.agencyId) ?? '?' });
      const row: RichText[number][] = [`#${e.issueId} `, title, ' — ', by];
      if (e.state === 'handled') row.push(' ', ctx.t('ballot.markHandled', { agency: people.agencies.name(e.handledAgencyId) ?? '?' }));
      if (e.state === 'selected') row.push(' ', ctx.t('ballot.stateSelected'));
      if (e.state === 'unselected') row.push(' ', ctx.t('ballot.markUnselected'));
      rows.push(row);
    }
    return rows;
  },
  agencies(ctx) {
    const out = new Set<number>();
    for (const e of ctx.services.store.ballots.slate(ctx.meeting.id)) {
      if (e.agencyId !== null) out.add(e.agencyId);
      if (e.handledAgencyId !== null) out.add(e.handledAgencyId);
    }
    return [...out];
  },
};

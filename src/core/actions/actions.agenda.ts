import type { AgendaContributor } from '../meetings/meeting';
import type { RichText } from '../types';
import { actionLine } from './action-view';
import type { ActionItem } from './action-item';

/** list()'s order: due date (none last), then id. */
function byDueThenId(a: ActionItem, b: ActionItem): number {
  if (a.due && b.due && a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (!a.due !== !b.due) return a.due ? -1 : 1;
  return a.id - b.id;
}

/** 歷次會議決議辦理情形: every open item as 持續列管 (overdue marked), items released since the last meeting as 解除列管. */
export const followUpsContributor: AgendaContributor = {
  section: 'followUps',
  order: 10,
  lines(ctx) {
    const { actions } = ctx.services.store;
    const shown = (i: ActionItem) => ctx.audience?.item(i) ?? true;
    const view = (i: ActionItem) => ctx.audience?.view?.(i) ?? i;
    const recent = ctx.since ? actions.list({ status: 'done', doneSince: ctx.since }).filter(shown).map(view) : [];
    // A release this audience may not see yet (recorded in a meeting not yet published) reads as open.
    const open = [...actions.list({ status: 'open' }).filter(shown), ...recent.filter((i) => i.status === 'open')].sort(byDueThenId);
    const lines: RichText[] = open.map((i) => actionLine(i, ctx));
    for (const i of recent) if (i.status === 'done') lines.push(actionLine(i, ctx));
    return lines;
  },
  agencies(ctx) {
    const out = new Set<number>();
    for (const i of ctx.services.store.actions.list({ status: 'open' })) if (i.ownerAgencyId !== null) out.add(i.ownerAgencyId);
    return [...out];
  },
};

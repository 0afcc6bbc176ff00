import type { AgendaContributor } from '../meetings/meeting';
import type { RichText } from '../types';
import { actionLine } from './action-view';
import type { ActionItem } from './action-item';

/** 歷次會議決議辦理情形: every open item as 持續列管 (overdue marked), items released since the last meeting as 解除列管. */
export const followUpsContributor: AgendaContributor = {
  section: 'followUps',
  order: 10,
  lines(ctx) {
    const { actions } = ctx.services.store;
    const shown = (i: ActionItem) => ctx.audience?.item(i) ?? true;
    const lines: RichText[] = actions.list({ status: 'open' }).filter(shown).map((i) => actionLine(i, ctx));
    const released = ctx.since ? actions.list({ status: 'done', doneSince: ctx.since }).filter(shown) : [];
    for (const i of released) lines.push(actionLine(i, ctx));
    return lines;
  },
  agencies(ctx) {
    const out = new Set<number>();
    for (const i of ctx.services.store.actions.list({ status: 'open' })) if (i.ownerAgencyId !== null) out.add(i.ownerAgencyId);
    return [...out];
  },
};

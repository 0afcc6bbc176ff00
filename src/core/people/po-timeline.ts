import type { Context } from '../feature';

/**
 * A change in who stands for an agency goes into the timeline of every case that agency leads
 * or co-organises (issue 14, item 10): whoever reads a case sees who claimed to answer for it,
 * and when a facilitator confirmed them. Only confirmed standing (`confirmed`: the roster or a
 * facilitator's /confirm) is on the public record; the rest is for signed-in members.
 */
export function recordPoChange(ctx: Context, agencyId: number | null, change: 'claimed' | 'pending' | 'confirmed' | 'left', name: string, confirmed: boolean): void {
  if (agencyId === null) return;
  const { cases } = ctx.services.store;
  for (const c of cases.list()) {
    if (c.leadAgencyId !== agencyId && !c.coAgencyIds.includes(agencyId)) continue;
    cases.addEvent(c.id, { kind: 'po', name, agencyId, change, confirmed }, { by: ctx.user.id, at: ctx.now });
  }
}

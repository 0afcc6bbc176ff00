import type { Context, Services } from '../feature';
import { UserError } from '../errors';
import type { CaseworkSettings } from '../cases/casework.settings';
import { agencyPOs } from '../cases/roles';

/**
 * The agency a person votes for in the ballot: a confirmed PO's (with a roster: on it or
 * confirmed by /confirm; without one: whoever /iam registered). Anyone else is told why not.
 */
export function voterAgency(ctx: Context): number {
  const agency = ctx.services.people.actsFor(ctx.user);
  if (agency !== null) return agency;
  if (ctx.user.agencyId !== null) throw new UserError('ballot.notConfirmed', { agency: ctx.services.people.agencies.name(ctx.user.agencyId) ?? '?' });
  throw new UserError('ballot.noAgency', undefined);
}

/** Agencies with at least one confirmed PO: those that can vote, the count's denominator. */
export function votingAgencies(services: Services, s: CaseworkSettings): number[] {
  return services.people.agencies.all.filter((a) => agencyPOs(a.id, services, s).length > 0).map((a) => a.id);
}

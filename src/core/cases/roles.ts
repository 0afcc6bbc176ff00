import type { Context, Services } from '../feature';
import { parseChatRef, type ChatRef, type Platform, type Span } from '../types';
import type { Translate } from '../../i18n/catalog';
import type { Case } from './case';
import type { Agency } from '../records';
import { UserError } from '../errors';
import type { CaseworkSettings } from './casework.settings';

/** Changing cases, meetings or tracked items is for facilitators (PDIS); others are refused. */
export function requireFacilitator(ctx: Context): void {
  if (!ctx.isFacilitator) throw new UserError('common.notFacilitator', undefined);
}

export interface PO {
  platform: Platform;
  id: string;
  name: string;
}

/**
 * An agency's POs: people who registered with /iam and may act for it (with a roster: on it, or
 * confirmed by a facilitator), plus roster people not seen yet.
 */
export function agencyPOs(agencyId: number, services: Services, settings: CaseworkSettings): PO[] {
  const out = new Map<string, PO>();
  for (const u of services.store.people.usersByAgency(agencyId)) {
    if (services.people.actsFor(u) === agencyId) out.set(`${u.platform}:${u.platformUserId}`, { platform: u.platform, id: u.platformUserId, name: u.name });
  }
  for (const r of settings.roster) {
    const key = `${r.platform}:${r.id}`;
    // The roster pins people to an agency: someone seen under another one is still theirs.
    if (r.agencyId === agencyId && !out.has(key)) out.set(key, { platform: r.platform, id: r.id, name: r.name });
    if (r.agencyId !== agencyId) out.delete(key);
  }
  return [...out.values()];
}

/** People who claimed the agency with /iam but may not act for it until a facilitator confirms them. */
export function pendingClaims(agencyId: number, services: Services): PO[] {
  return services.store.people
    .usersByAgency(agencyId)
    .filter((u) => services.people.actsFor(u) !== agencyId)
    .map((u) => ({ platform: u.platform, id: u.platformUserId, name: u.name }));
}

/** Real mentions of the agency's POs who are on this platform (a Slack user cannot be pinged in Telegram). */
export function mentionPOs(agencyId: number, platform: Platform, services: Services, settings: CaseworkSettings): Span[] {
  const spans: Span[] = [];
  for (const po of agencyPOs(agencyId, services, settings)) {
    if (po.platform !== platform) continue;
    if (spans.length) spans.push(' ');
    spans.push({ mention: { platform: po.platform, id: po.id, name: po.name } });
  }
  return spans;
}

/**
 * Agencies named in a list: `交通部 經濟部`, `交通部、經濟部`, `#交通部,#經濟部`, and English names
 * with spaces (`Ministry of Health and Welfare, NDC`): the longest name at each position.
 */
export function parseAgencyList(text: string, services: Services): Agency[] {
  const dir = services.people.agencies;
  const out: Agency[] = [];
  let rest = text.replace(/^[\s,，、;；]+/, '');
  while (rest) {
    const m = dir.matchStart(rest);
    if (!m) throw dir.unknown(/^[^\s,，、;；]+/.exec(rest)![0]);
    if (!out.includes(m.agency)) out.push(m.agency);
    rest = m.rest.replace(/^[\s,，、;；]+/, '');
  }
  return out;
}

/**
 * `主辦部會：交通部 @a @b` for a post in `chat`: real mentions of the lead's POs on that platform;
 * someone only on another platform cannot be pinged there, but is still named. Without a lead,
 * a request to name one.
 */
export function leadLine(c: Case, chat: ChatRef, services: Services, s: CaseworkSettings, t: Translate): { text: Span[]; hasLead: boolean } {
  const lead = services.people.agencies.name(c.leadAgencyId);
  if (!lead || c.leadAgencyId === null) return { text: [t('cases.remindNoLead', { n: c.number })], hasLead: false };
  const text: Span[] = [t('cases.remindLead', { lead })];
  const mentions = mentionPOs(c.leadAgencyId, parseChatRef(chat).platform, services, s);
  const elsewhere = agencyPOs(c.leadAgencyId, services, s).map((p) => p.name);
  if (mentions.length) text.push(' ', ...mentions);
  else if (elsewhere.length) text.push(' ', elsewhere.join(t('common.separator')));
  else text.push(' ', t('cases.remindNoPOs', { lead }));
  return { text, hasLead: true };
}

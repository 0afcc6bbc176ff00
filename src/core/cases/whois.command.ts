import type { Command } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import type { CaseworkSettings } from './casework.settings';
import { agencyPOs, pendingClaims } from './roles';

/** /whois <agency>: that agency's POs, by name (no pings: asking who is not calling them). */
export function whoisCommand(s: CaseworkSettings): Command {
  return {
    name: 'whois',
    description: 'cases.helpWhois',
    handle(ctx, args) {
      const name = args.trim();
      if (!name) throw new UserError('cases.whoisUsage', undefined);
      checkText(name, { max: 60, multiline: false });
      const { agencies } = ctx.services.people;
      const agency = agencies.find(name);
      if (!agency) throw agencies.unknown(name);
      const pos = agencyPOs(agency.id, ctx.services, s);
      const pending = pendingClaims(agency.id, ctx.services);
      const platforms = new Set([...pos, ...pending].map((p) => p.platform));
      const names = (list: typeof pos) => list.map((p) => (platforms.size > 1 ? `${p.name} (${p.platform})` : p.name)).join(ctx.t('common.separator'));
      const text: Span[] = pos.length
        ? [{ bold: ctx.t('cases.whoisHeader', { agency: agencies.label(agency), n: pos.length }) }, '\n', names(pos)]
        : [ctx.t('cases.whoisNone', { agency: agencies.label(agency) })];
      // Claims waiting for a facilitator's /confirm are shown apart: they carry no authority yet.
      if (pending.length) text.push('\n', ctx.t('cases.whoisPending', { names: names(pending) }));
      return { type: 'reply', message: { text }, private: true };
    },
  };
}

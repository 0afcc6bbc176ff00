import type { Command } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import type { CaseworkSettings } from './casework.settings';
import { agencyPOs } from './roles';

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
      if (!pos.length) return { type: 'reply', message: { text: [ctx.t('cases.whoisNone', { agency: agencies.label(agency) })] }, private: true };
      const platforms = new Set(pos.map((p) => p.platform));
      const names = pos.map((p) => (platforms.size > 1 ? `${p.name} (${p.platform})` : p.name));
      const text: Span[] = [{ bold: ctx.t('cases.whoisHeader', { agency: agencies.label(agency), n: pos.length }) }, '\n', names.join(ctx.t('common.separator'))];
      return { type: 'reply', message: { text }, private: true };
    },
  };
}

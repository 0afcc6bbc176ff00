import type { Command, Feature } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';

const iam: Command = {
  name: 'iam',
  description: 'help.iam',
  handle(ctx, args) {
    const { people } = ctx.services;
    const name = args.trim();
    const current = people.agencies.name(ctx.user.agencyId);
    if (!name) {
      const text = current ? ctx.t('agencies.iamCurrent', { agency: current }) : ctx.t('agencies.iamNone');
      return { type: 'reply', message: { text: [text] }, private: true };
    }
    checkText(name, { max: 60, multiline: false });
    const agency = people.agencies.find(name);
    if (!agency) {
      throw people.agencies.unknown(name);
    }
    const pinned = people.rosterAgency(ctx.actor);
    if (pinned !== undefined && pinned !== agency.id) {
      throw new UserError('agencies.iamRosterLocked', { agency: people.agencies.name(pinned) ?? '?' });
    }
    if (ctx.user.agencyId === agency.id) {
      return { type: 'reply', message: { text: [ctx.t('agencies.iamUnchanged', { agency: people.agencies.label(agency) })] }, private: true };
    }
    people.setAgency(ctx.user, agency.id, ctx.now);
    return { type: 'reply', message: { text: [ctx.t('agencies.iamSet', { agency: people.agencies.label(agency) })] }, private: true };
  },
};

const list: Command = {
  name: 'agencies',
  description: 'help.agencies',
  handle(ctx) {
    const all = ctx.services.people.agencies.all;
    const text: Span[] = [{ bold: ctx.t('agencies.listHeader', { n: all.length }) }];
    for (const a of all) {
      // In English the code is the tag people can type; the Chinese name stays beside it.
      if (ctx.locale === 'en') {
        text.push('\n', `#${a.code} `, a.nameEn ? `${a.nameEn} (${a.name})` : a.name);
        continue;
      }
      const full = a.aliases.find((x) => x !== a.code && x.length > a.name.length);
      text.push('\n', `#${a.name}`, full ? ` ${full}` : '', ` (${a.code})`);
    }
    return { type: 'reply', message: { text }, private: true };
  },
};

export const peopleFeature: Feature = { name: 'people', commands: [iam, list] };

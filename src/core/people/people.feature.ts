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
      throw new UserError('agencies.unknown', { name, suggestions: people.agencies.suggest(name).map((a) => a.name).join('、') });
    }
    const pinned = people.rosterAgency(ctx.actor);
    if (pinned !== undefined && pinned !== agency.id) {
      throw new UserError('agencies.iamRosterLocked', { agency: people.agencies.name(pinned) ?? '?' });
    }
    if (ctx.user.agencyId === agency.id) {
      return { type: 'reply', message: { text: [ctx.t('agencies.iamUnchanged', { agency: agency.name })] }, private: true };
    }
    people.setAgency(ctx.user, agency.id, ctx.now);
    return { type: 'reply', message: { text: [ctx.t('agencies.iamSet', { agency: agency.name })] }, private: true };
  },
};

const list: Command = {
  name: 'agencies',
  description: 'help.agencies',
  handle(ctx) {
    const all = ctx.services.people.agencies.all;
    const text: Span[] = [{ bold: ctx.t('agencies.listHeader', { n: all.length }) }];
    for (const a of all) {
      const full = a.aliases.find((x) => x !== a.code && x.length > a.name.length);
      text.push('\n', `#${a.name}`, full ? ` ${full}` : '', ` (${a.code})`);
    }
    return { type: 'reply', message: { text }, private: true };
  },
};

export const peopleFeature: Feature = { name: 'people', commands: [iam, list] };

import type { Command, Feature } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { recordPoChange } from './po-timeline';

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
    const pinned = people.rosterAgencyOf(ctx.user);
    if (pinned !== undefined && pinned !== agency.id) {
      throw new UserError('agencies.iamRosterLocked', { agency: people.agencies.name(pinned) ?? '?' });
    }
    if (ctx.user.agencyId === agency.id) {
      return { type: 'reply', message: { text: [ctx.t('agencies.iamUnchanged', { agency: people.agencies.label(agency) })] }, private: true };
    }
    const previous = ctx.user.agencyId;
    const updated = people.setAgency(ctx.user, agency.id, ctx.now);
    const acts = people.actsFor(updated) === agency.id;
    recordPoChange(ctx, previous, 'left', updated.name, people.standsConfirmed(ctx.user, previous));
    recordPoChange(ctx, agency.id, acts ? 'claimed' : 'pending', updated.name, people.standsConfirmed(updated, agency.id));
    const key = acts ? 'agencies.iamSet' : 'agencies.iamPending';
    return { type: 'reply', message: { text: [ctx.t(key, { agency: people.agencies.label(agency) })] }, private: true };
  },
};

/**
 * /confirm <person> <agency>: with a roster in use, a claim made with /iam carries no authority
 * for the agency until a facilitator confirms it (issue 14, item 10). The person is the last
 * word-run before the agency: a display name (may contain spaces) or `platform:id`.
 */
const confirm: Command = {
  name: 'confirm',
  description: 'help.confirm',
  handle(ctx, args) {
    if (!ctx.isFacilitator) throw new UserError('common.notFacilitator', undefined);
    const { people } = ctx.services;
    const text = args.trim();
    const cut = text.lastIndexOf(' ');
    // The id form shown is the asker's own platform's (a Slack user is shown a Slack id).
    const ref = ctx.services.platforms.userRefExample(ctx.actor.platform);
    if (cut < 1) throw new UserError('agencies.confirmUsage', { ref });
    const who = text.slice(0, cut).trim();
    const name = text.slice(cut + 1);
    checkText(who, { max: 80, multiline: false });
    checkText(name, { max: 60, multiline: false });
    const agency = people.agencies.find(name);
    if (!agency) throw people.agencies.unknown(name);
    const found = people.findPeople(who, ctx.actor.platform);
    if (!found.length) throw new UserError('agencies.confirmNoOne', { who, ref });
    if (found.length > 1) throw new UserError('agencies.confirmAmbiguous', { who, refs: found.map((c) => c.ref).join('、') });
    const before = people.ensureUser(found[0]!, ctx.now);
    const person = people.confirm(before, agency.id, ctx.user, ctx.now);
    if (before.agencyId !== agency.id) recordPoChange(ctx, before.agencyId, 'left', person.name, people.standsConfirmed(before, before.agencyId));
    recordPoChange(ctx, agency.id, 'confirmed', person.name, true);
    return { type: 'reply', message: { text: [ctx.t('agencies.confirmDone', { name: person.name, agency: people.agencies.label(agency) })] } };
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

export const peopleFeature: Feature = { name: 'people', commands: [iam, list, confirm] };

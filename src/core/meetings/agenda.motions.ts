import type { RichText, Span } from '../types';
import type { AgendaContributor } from './meeting';
import { formatDate } from '../../i18n/format-date';

/** Motions shown on an agenda; the rest are counted. */
export const MOTIONS_LIMIT = 30;

/** 臨時動議: items queued with /agenda add, oldest first, noting those carried over (上次未討論, from which meeting) and those discussed. */
export function motionsContributor(): AgendaContributor {
  return {
    section: 'motions',
    order: 0,
    lines(ctx) {
      const { t } = ctx;
      const { people } = ctx.services;
      const { rows, total } = ctx.services.store.agenda.motions(ctx.meeting.id, MOTIONS_LIMIT);
      const lines: RichText[] = rows.map((item, i) => {
        const line: Span[] = [t('agenda.motionLine', { rank: i + 1, id: item.id }), item.text];
        const who = item.proposerId === null ? undefined : people.get(item.proposerId)?.name;
        const agency = people.agencies.name(item.agencyId);
        if (who) line.push(agency ? t('agenda.motionByAgency', { name: who, agency }) : t('agenda.motionBy', { name: who }));
        if (item.carriedFrom !== null) {
          const from = ctx.services.store.meetings.get(item.carriedFrom);
          const date = from ? formatDate(from.startsAt, ctx.locale, ctx.services.settings.timezone) : '';
          line.push(t('agenda.motionCarried', { from: item.carriedFrom, title: from?.title ?? '?', date }));
        }
        if (item.status === 'done') line.push(t('agenda.motionDiscussed'));
        return line;
      });
      if (total > rows.length) lines.push([t('common.listMore', { n: total - rows.length })]);
      return lines;
    },
    agencies(ctx) {
      return ctx.services.store.agenda.queuedAgencies(ctx.meeting.id);
    },
  };
}

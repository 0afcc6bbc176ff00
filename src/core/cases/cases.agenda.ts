import type { AgendaContributor } from '../meetings/meeting';
import type { RichText } from '../types';
import { isClosed } from './case-stages';
import { caseLine } from './case-view';
import { formatCaseNumber } from './case-number';
import type { CaseworkSettings } from './casework.settings';

/** 報告事項: every open case with stage, lead and deadline (overdue flagged); cases closed since the last meeting. */
export function caseProgressContributor(s: CaseworkSettings): AgendaContributor {
  return {
    section: 'reports',
    about: 'cases',
    order: 20,
    lines(ctx) {
      const all = ctx.services.store.cases.list();
      const lines: RichText[] = [];
      const open = all.filter((c) => !isClosed(c, s));
      if (open.length) lines.push([{ bold: ctx.t('cases.agendaProgress', { n: open.length }) }]);
      for (const c of open) lines.push(caseLine(c, ctx, s));
      const since = ctx.since?.getTime() ?? -Infinity;
      for (const c of all.filter((x) => isClosed(x, s) && x.updatedAt.getTime() >= since)) lines.push([ctx.t('cases.agendaClosed'), ...caseLine(c, ctx, s)]);
      return lines;
    },
    agencies(ctx) {
      const out = new Set<number>();
      for (const c of ctx.services.store.cases.list().filter((x) => !isClosed(x, s))) {
        if (c.leadAgencyId !== null) out.add(c.leadAgencyId);
        for (const a of c.coAgencyIds) out.add(a);
      }
      return [...out];
    },
  };
}

/**
 * 投票議題: the issues selected while this meeting went on are cases now and off the ballot;
 * the agenda keeps them, marked, so the record shows what the vote decided.
 */
export function selectedHereContributor(): AgendaContributor {
  return {
    section: 'discussion',
    about: 'cases',
    order: 10,
    lines(ctx) {
      const picked = ctx.services.store.cases.selectedAt(ctx.meeting.id);
      if (!picked.length) return [];
      const rows: RichText[] = [[{ bold: ctx.t('cases.agendaSelectedHere', { n: picked.length }) }]];
      for (const c of picked) rows.push([ctx.t('cases.agendaSelectedLine', { id: c.issueId, title: c.title, name: formatCaseNumber(c.number, ctx.locale) })]);
      return rows;
    },
  };
}

/**
 * 投票議題: on a monthly meeting's ballot, the agencies not yet heard from (no vote on and no
 * proposal among the ballot's issues), so the facilitator can ask them in person. It comes
 * after the ballot lines the meetings feature contributes (order 0).
 */
export function ballotSilenceContributor(): AgendaContributor {
  return {
    section: 'discussion',
    about: 'issues',
    order: 900,
    lines(ctx) {
      if (ctx.meeting.kind !== 'monthly') return [];
      const { ballot, agencyIds } = ctx.services.store.cases.agenciesHeardOnBallot(ctx.ballotSince, ctx.meeting.startsAt);
      if (!ballot) return [];
      const silent = ctx.services.people.agencies.all.filter((a) => !agencyIds.has(a.id));
      if (!silent.length) return [[ctx.t('cases.agendaAllHeard')]];
      return [[{ bold: ctx.t('cases.agendaNotHeard', { n: silent.length }) }, silent.map((a) => ctx.services.people.agencies.label(a)).join(ctx.t('common.separator'))]];
    },
  };
}

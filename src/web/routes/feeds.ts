import type { Hono } from 'hono';
import { formatCaseNumber } from '../../core/cases/case-number';
import { stageLabel } from '../../core/cases/case-stages';
import { caseLine, eventText } from '../../core/cases/case-view';
import { attendeeLabel, buildDoc, lineText } from '../../core/minutes/minutes-doc';
import { richToPlain } from '../../core/types';
import { MeetingFormat } from '../../core/meetings/meeting.format';
import { meetingsIcs } from '../../core/meetings/ics.export';
import { escapeAttr, escapeText } from '../../core/minutes/xml';
import type { PageCtx, WebEnv } from '../context';
import { denied } from '../respond';

const DAY = 86_400_000;
const ENTRIES = 50;

interface Entry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  /** What a reader sees without opening the page. */
  summary: string;
}

/** Lines kept in a minutes entry's summary: its decisions, then the first things said. */
const SUMMARY_LINES = 3;

/**
 * What the feed announces: new cases, stage changes, decisions and published minutes, newest
 * first, per what the viewer may see; each with a summary (the case's line, the change, the
 * decision, the minutes' decisions and first lines).
 */
function entries(p: PageCtx): Entry[] {
  const { store } = p.services;
  const { t } = p;
  const s = p.deps.app.casework;
  const out: Entry[] = [];
  if (p.can('cases')) {
    const all = store.cases.list();
    const byId = new Map(all.map((c) => [c.id, c]));
    for (const c of all) {
      const link = p.absolute(`/cases/${c.number}`);
      out.push({ id: link, title: t('web.feedNewCase', { name: formatCaseNumber(c.number, p.locale), title: c.title }), link, updated: c.selectedAt, summary: richToPlain(caseLine(c, p, s)) });
    }
    for (const e of store.cases.recentEvents('stage', ENTRIES)) {
      const c = byId.get(e.caseId);
      if (!c || e.detail.kind !== 'stage' || e.detail.corrected || !p.sees.caseEvent(e)) continue;
      const link = p.absolute(`/cases/${c.number}`);
      const name = formatCaseNumber(c.number, p.locale);
      out.push({ id: `${link}#stage-${e.id}`, title: t('web.feedStage', { name, title: c.title, stage: stageLabel(e.detail.to, s, p.locale) }), link, updated: e.at, summary: eventText(e, p, s) });
    }
  }
  if (p.can('minutes')) {
    // A speech's number in its meeting (for the decision's permalink), read once per meeting.
    const numbered = new Map<number, Map<number, number>>();
    const numberOf = (minutesId: number, lineId: number) => {
      if (!numbered.has(minutesId)) numbered.set(minutesId, new Map(store.minutes.lines(minutesId).map((l, i) => [l.id, i + 1])));
      return numbered.get(minutesId)!.get(lineId);
    };
    for (const m of store.minutes.recentEnded(ENTRIES)) {
      if (!p.sees.record(m.meetingId)) continue;
      const link = p.absolute(`/meetings/${m.meetingId}`);
      const doc = buildDoc(m, p.services);
      const said = doc.lines.filter((l) => l.kind === 'message').slice(0, SUMMARY_LINES);
      const summary = [
        ...doc.decisions.slice(0, SUMMARY_LINES).map((l) => lineText(l, doc, p)),
        ...said.map((l) => `${attendeeLabel({ userId: l.userId, name: l.speaker, agencyId: l.agencyId }, p)}${t('minutes.colon')}${l.text}`),
      ].join('\n');
      out.push({ id: `${link}#minutes`, title: t('web.feedMinutes', { id: m.meetingId, title: m.title }), link, updated: m.publishedAt ?? m.endedAt ?? m.startedAt, summary });
    }
    for (const l of store.minutes.recentLines('decision', ENTRIES)) {
      const m = store.minutes.get(l.minutesId);
      if (!m || !p.sees.record(m.meetingId)) continue;
      const page = p.absolute(`/meetings/${m.meetingId}`);
      const no = numberOf(m.id, l.id);
      const c = l.caseId === null || !p.can('cases') ? undefined : store.cases.get(l.caseId);
      const summary = c ? `${formatCaseNumber(c.number, p.locale)}${t('cases.quoted', { title: c.title })}${t('minutes.colon')}${l.text}` : l.text;
      out.push({ id: `${page}#decision-${l.id}`, title: t('web.feedDecision', { id: m.meetingId, text: l.text }), link: no ? `${page}#s${no}` : page, updated: l.at, summary });
    }
  }
  return out.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, ENTRIES);
}

/** Atom 1.0 (RFC 4287), written with the same escaping as the SayIt export. */
export function atom(p: PageCtx): string {
  const list = entries(p);
  const updated = p.iso(list[0]?.updated ?? p.now);
  const self = p.absolute('/feed.atom');
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeAttr(p.locale)}">`,
    `  <id>${escapeText(self)}</id>`,
    `  <title>${escapeText(p.t('web.feedTitle'))}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeAttr(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeAttr(p.absolute('/'))}"/>`,
    `  <author><name>${escapeText(p.t('web.siteName'))}</name></author>`,
  ];
  for (const e of list) {
    out.push(
      '  <entry>',
      `    <id>${escapeText(e.id)}</id>`,
      `    <title>${escapeText(e.title)}</title>`,
      `    <updated>${p.iso(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeAttr(e.link)}"/>`,
      `    <summary type="text">${escapeText(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

export function feedRoutes(app: Hono<WebEnv>): void {
  // The events of /meeting ics (scheduled and cancelled meetings within the horizon) and the
  // meetings of the past `web.calendarPastDays` (held or closed: a subscribed calendar keeps
  // its history), each with its page's address.
  app.get('/calendar.ics', (c) => {
    const stop = denied(c, 'calendar');
    if (stop) return stop;
    const p = c.var.page;
    const calendar = p.deps.app.meetings;
    const from = new Date(p.now.getTime() - p.deps.app.config.web.calendarPastDays * DAY);
    const to = new Date(p.now.getTime() + calendar.settings.horizonDays * DAY);
    const list = p.services.store.meetings.range(from, to, ['scheduled', 'cancelled', 'closed']);
    const file = meetingsIcs(list, new MeetingFormat(calendar.settings, p.locale), { domain: calendar.settings.icsDomain, now: p.now, url: (m) => p.absolute(`/meetings/${m.id}`) });
    c.header('content-type', 'text/calendar; charset=utf-8');
    c.header('content-disposition', `inline; filename="${file.filename}"`);
    return c.body(file.content);
  });

  app.get('/feed.atom', (c) => {
    const stop = denied(c, 'feed');
    if (stop) return stop;
    c.header('content-type', 'application/atom+xml; charset=utf-8');
    return c.body(atom(c.var.page));
  });
}

import type { Hono } from 'hono';
import { formatCaseNumber } from '../../core/cases/case-number';
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
}

/** What the feed announces: new cases, decisions and minutes, newest first, per what the viewer may see. */
function entries(p: PageCtx): Entry[] {
  const { store } = p.services;
  const { t } = p;
  const out: Entry[] = [];
  if (p.can('cases')) {
    for (const c of store.cases.list()) {
      const link = p.absolute(`/cases/${c.number}`);
      out.push({ id: link, title: t('web.feedNewCase', { name: formatCaseNumber(c.number, p.locale), title: c.title }), link, updated: c.selectedAt });
    }
  }
  if (p.can('minutes')) {
    for (const m of store.minutes.recentEnded(ENTRIES)) {
      if (!p.sees.record(m.meetingId)) continue;
      const link = p.absolute(`/meetings/${m.meetingId}`);
      out.push({ id: `${link}#minutes`, title: t('web.feedMinutes', { id: m.meetingId, title: m.title }), link, updated: m.endedAt ?? m.startedAt });
    }
    for (const l of store.minutes.recentLines('decision', ENTRIES)) {
      const m = store.minutes.get(l.minutesId);
      if (!m || !p.sees.record(m.meetingId)) continue;
      const link = p.absolute(`/meetings/${m.meetingId}`);
      out.push({ id: `${link}#decision-${l.id}`, title: t('web.feedDecision', { id: m.meetingId, text: l.text }), link, updated: l.at });
    }
  }
  return out.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, ENTRIES);
}

/** Atom 1.0 (RFC 4287), written with the same escaping as the SayIt export. */
export function atom(p: PageCtx): string {
  const list = entries(p);
  const updated = (list[0]?.updated ?? p.now).toISOString();
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
      `    <updated>${e.updated.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeAttr(e.link)}"/>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

export function feedRoutes(app: Hono<WebEnv>): void {
  // The same events as /meeting ics: scheduled and cancelled meetings within the horizon.
  app.get('/calendar.ics', (c) => {
    const stop = denied(c, 'calendar');
    if (stop) return stop;
    const p = c.var.page;
    const calendar = p.deps.app.meetings;
    const to = new Date(p.now.getTime() + calendar.settings.horizonDays * DAY);
    const list = p.services.store.meetings.range(p.now, to, ['scheduled', 'cancelled']);
    const file = meetingsIcs(list, new MeetingFormat(calendar.settings, p.locale), { domain: calendar.settings.icsDomain, now: p.now });
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

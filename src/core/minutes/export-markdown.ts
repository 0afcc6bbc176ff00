import { formatDateTime, formatTimeRange } from '../../i18n/format-date';
import type { MinutesDoc, ViewCtx } from './minutes-doc';
import { attendeeLabel, itemsByAgency, lineText } from './minutes-doc';
import { ownerLabel } from '../actions/action-view';
import { zoneStamper } from './zone-stamp';
import { showDate } from '../cases/case-dates';

/** Backslash-escapes what Markdown would read as markup (CommonMark lets any ASCII punctuation be escaped). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => '\\' + c)
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Several lines of user text in one Markdown paragraph, each line kept (hard line breaks). */
function paragraph(s: string): string {
  return s
    .split(/\r?\n/)
    .map(escapeMarkdown)
    .join('\\\n');
}

export function toMarkdown(doc: MinutesDoc, ctx: ViewCtx): string {
  const { t, locale } = ctx;
  const tz = ctx.services.settings.timezone;
  const m = doc.minutes;
  const out: string[] = [`# ${escapeMarkdown(m.title)}`, ''];
  const when = m.endedAt ? formatTimeRange(m.startedAt, m.endedAt, locale, tz) : formatDateTime(m.startedAt, locale, tz);
  out.push(`- ${t('minutes.mdWhen')}${when}`);
  out.push(`- ${t('minutes.mdMeeting', { id: m.meetingId })}`);
  out.push(`- ${t('minutes.mdAttendees')}${doc.attendees.map((a) => escapeMarkdown(attendeeLabel(a, ctx))).join(t('common.separator'))}`);
  out.push('', `## ${t('minutes.mdDecisions')}`, '');
  if (!doc.decisions.length) out.push(t('common.none'));
  doc.decisions.forEach((d, i) => out.push(`${i + 1}. ${paragraph(d.text)}`));
  out.push('', `## ${t('minutes.mdItems')}`, '');
  if (!doc.items.length) out.push(t('common.none'));
  for (const [agency, items] of itemsByAgency(doc.items, ctx)) {
    out.push(`### ${escapeMarkdown(agency)}`, '');
    for (const i of items) {
      const due = i.due ? t('minutes.mdDue', { date: showDate(i.due, locale, tz) }) : '';
      const state = i.status === 'open' ? t('actions.keep') : t('actions.released');
      out.push(`- ${t('minutes.mdItem', { id: i.id, state, owner: escapeMarkdown(ownerLabel(i, ctx)) })}${paragraph(i.text)}${due}`);
    }
    out.push('');
  }
  out.push('', `## ${t('minutes.mdRecord')}`, '');
  const stamp = zoneStamper(tz);
  for (const l of doc.lines) {
    const time = stamp.hm(l.at);
    const who = attendeeLabel({ userId: l.userId, name: l.speaker, agencyId: l.agencyId }, ctx);
    out.push(`**${time} ${escapeMarkdown(who)}**${t('minutes.colon')}${paragraph(lineText(l, doc, ctx))}`, '');
  }
  return out.join('\n');
}

import type { Span } from '../types';
import { formatDateTime, formatTimeRange } from '../../i18n/format-date';
import type { MinutesDoc, ViewCtx } from './minutes-doc';
import { attendeeLabel, itemsByAgency } from './minutes-doc';
import { showDate } from '../cases/case-dates';
import { ownerLabel } from '../actions/action-view';
import { pageLink } from '../web-links';

/** Posted by /endmeeting: decisions, follow-up items by agency, attendees with their agencies. */
export function renderSummary(doc: MinutesDoc, ctx: ViewCtx): Span[] {
  const { t, locale } = ctx;
  const tz = ctx.services.settings.timezone;
  const m = doc.minutes;
  const text: Span[] = [{ bold: '📝 ' + t('minutes.summaryHeader', { id: m.meetingId }) }, m.title];
  const when = m.endedAt ? formatTimeRange(m.startedAt, m.endedAt, locale, tz) : formatDateTime(m.startedAt, locale, tz);
  text.push('\n', t('minutes.mdWhen'), when, t('minutes.summaryLines', { n: doc.lines.length }));

  text.push('\n', { bold: t('minutes.summaryDecisions', { n: doc.decisions.length }) });
  doc.decisions.forEach((d, i) => text.push('\n', `${i + 1}. `, d.text));

  text.push('\n', { bold: t('minutes.summaryItems', { n: doc.items.length }) });
  for (const [agency, items] of itemsByAgency(doc.items, ctx)) {
    text.push('\n', agency, t('minutes.colon'));
    items.forEach((i, k) => {
      if (k) text.push(t('minutes.itemSeparator'));
      text.push(`#${i.id} `, i.text);
      if (i.due) text.push(t('minutes.mdDue', { date: showDate(i.due, locale, tz) }));
      if (i.status === 'done') text.push(t('minutes.summaryReleasedMark'));
    });
  }
  if (doc.releasedEarlier.length) {
    text.push('\n', { bold: t('minutes.summaryReleased', { n: doc.releasedEarlier.length }) });
    for (const i of doc.releasedEarlier) text.push('\n', `#${i.id} `, i.text, t('minutes.summaryReleasedOwner', { owner: ownerLabel(i, ctx) }));
  }

  text.push('\n', { bold: t('minutes.summaryAttendees', { n: doc.attendees.length }) }, doc.attendees.map((a) => attendeeLabel(a, ctx)).join(t('common.separator')));
  text.push('\n', t('minutes.summaryExport', { id: m.meetingId }));
  text.push(...pageLink(ctx.services, t, `/meetings/${m.meetingId}`));
  return text;
}

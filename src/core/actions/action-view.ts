import type { Services } from '../feature';
import type { Span } from '../types';
import type { Locale, Translate } from '../../i18n/catalog';
import { formatDate } from '../../i18n/format-date';
import type { ActionItem } from './action-item';
import { daysLeft, showDate } from '../cases/case-dates';
import { todayIn } from '../dates/calendar-date';
import { overdueNote } from '../calendar/closed-days';

interface ViewCtx {
  now: Date;
  locale: Locale;
  t: Translate;
  services: Services;
}

/** Who owns it: 交通部, Alice（交通部）, or Alice. */
export function ownerLabel(i: ActionItem, ctx: ViewCtx): string {
  const agency = ctx.services.people.agencies.name(i.ownerAgencyId);
  const user = i.ownerUserId === null ? undefined : ctx.services.people.get(i.ownerUserId)?.name;
  if (user && agency) return ctx.t('actions.ownerUserAgency', { user, agency });
  return user ?? agency ?? '?';
}

export function isItemOverdue(i: ActionItem, now: Date, timeZone: string): boolean {
  return i.status === 'open' && i.due !== null && daysLeft(i.due, now, timeZone) < 0;
}

/** 持續列管 #3 交通部：提供資料（期限 2026年12月4日（五），⚠️ 已逾期 2 天） / 解除列管 #1 … */
export function actionLine(i: ActionItem, ctx: ViewCtx): Span[] {
  const { t, locale, now } = ctx;
  const tz = ctx.services.settings.timezone;
  const text: Span[] = [];
  const overdue = isItemOverdue(i, now, tz);
  if (overdue) text.push('⚠️ ');
  text.push({ bold: i.status === 'open' ? t('actions.keep') : t('actions.released') }, ' ', t('actions.lineHead', { id: i.id, owner: ownerLabel(i, ctx) }), i.text);
  if (i.status === 'open' && i.due) {
    const n = daysLeft(i.due, now, tz);
    const note = n > 0 ? t('cases.daysLeft', { n }) : n === 0 ? t('cases.dueToday') : overdueNote(i.due, todayIn(now, tz), ctx.services.calendar, t);
    text.push(t('actions.lineDue', { date: showDate(i.due, locale, tz), note }));
  } else if (i.status === 'open') text.push(t('actions.lineNoDue'));
  else if (i.doneAt) text.push(t('actions.lineDone', { date: formatDate(i.doneAt, locale, tz), note: i.doneNote ?? '' }));
  return text;
}

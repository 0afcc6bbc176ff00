import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Locale } from './catalog';

const ZH_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * A date as people in the network write it, in the configured zone whatever the server's TZ:
 * zh-TW `2026年12月4日（五）10:00` (or ROC era `民國115年12月4日（五）10:00`), en `Fri 4 Dec 2026 10:00`.
 */
export function formatDateTime(d: Date, locale: Locale, timeZone: string, opts: { roc?: boolean; time?: boolean } = {}): string {
  const z = new TZDate(d.getTime(), timeZone);
  const time = opts.time === false ? '' : ' ' + format(z, 'HH:mm');
  if (locale === 'zh-TW') {
    const year = opts.roc ? `民國${z.getFullYear() - 1911}年` : `${z.getFullYear()}年`;
    return `${year}${z.getMonth() + 1}月${z.getDate()}日（${ZH_WEEKDAYS[z.getDay()]}）${time.trim()}`.trim();
  }
  return (format(z, 'EEE d MMM yyyy') + time).trim();
}

export function formatDate(d: Date, locale: Locale, timeZone: string, opts: { roc?: boolean } = {}): string {
  return formatDateTime(d, locale, timeZone, { ...opts, time: false });
}

/** `10:00` in the zone. */
export function formatTime(d: Date, timeZone: string): string {
  return format(new TZDate(d.getTime(), timeZone), 'HH:mm');
}

/**
 * A meeting's span: `2026年12月4日（五）10:00–12:00`, or both ends in full when it ends on
 * another day.
 */
export function formatTimeRange(start: Date, end: Date, locale: Locale, timeZone: string, opts: { roc?: boolean } = {}): string {
  const from = formatDateTime(start, locale, timeZone, opts);
  const sameDay = formatDate(start, locale, timeZone) === formatDate(end, locale, timeZone);
  // en messages keep to ASCII punctuation; zh-TW writes the range with an en dash.
  return `${from}${locale === 'en' ? '-' : '–'}${sameDay ? formatTime(end, timeZone) : formatDateTime(end, locale, timeZone, opts)}`;
}

/** `2026-12-04` in the zone, for file names and keys. */
export function formatIsoDate(d: Date, timeZone: string): string {
  return format(new TZDate(d.getTime(), timeZone), 'yyyy-MM-dd');
}

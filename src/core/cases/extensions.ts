import type { Span } from '../types';
import type { Locale, Translate } from '../../i18n/catalog';
import type { CaseEvent } from './case';
import type { CalendarDate } from '../dates/calendar-date';
import { showDate } from './case-dates';

/** A case's extensions (展延) as its timeline records them. */
export interface Extensions {
  /** The deadline before the first extension. */
  original: CalendarDate;
  /** The latest extension's new deadline. */
  to: CalendarDate;
  count: number;
  /** The latest progress given with an extension, if any was. */
  progress: string | null;
}

export function extensionsOf(events: readonly CaseEvent[]): Extensions | undefined {
  const list = events.flatMap((e) => (e.detail.kind === 'extension' ? [e.detail] : []));
  if (!list.length) return undefined;
  const progress = list.map((x) => x.progress).filter((x): x is string => x !== null).at(-1) ?? null;
  return { original: list[0]!.from, to: list.at(-1)!.to, count: list.length, progress };
}

/**
 * 「原期限 … 已展延至 …（第 N 次展延）」 and the latest progress, for /case N, the web page, the
 * digest and the reminders; nothing when the case was never extended.
 */
export function extensionSpans(events: readonly CaseEvent[], ctx: { locale: Locale; t: Translate; timeZone: string }): Span[] {
  const x = extensionsOf(events);
  if (!x) return [];
  const { t, locale, timeZone } = ctx;
  const out: Span[] = [t('sop.extensionLine', { original: showDate(x.original, locale, timeZone), date: showDate(x.to, locale, timeZone), n: x.count })];
  if (x.progress) out.push('\n', t('sop.progressLine', { text: x.progress }));
  return out;
}

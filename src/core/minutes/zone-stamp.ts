import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';

/**
 * Local times for many lines of one meeting: zone formatting is the export's main cost, and a
 * zone's offset only changes on a minute boundary, so each minute is formatted once.
 */
export function zoneStamper(timeZone: string): { iso(d: Date): string; hm(d: Date): string } {
  const minutes = new Map<number, { hm: string; date: string; offset: string }>();
  const minute = (d: Date) => {
    const m = Math.floor(d.getTime() / 60_000);
    let hit = minutes.get(m);
    if (!hit) {
      const [date, hm, offset] = format(new TZDate(m * 60_000, timeZone), "yyyy-MM-dd|HH:mm|XXX").split('|') as [string, string, string];
      hit = { date, hm, offset };
      minutes.set(m, hit);
    }
    return hit;
  };
  return {
    /** 2026-12-04T10:02:07+08:00 */
    iso(d) {
      const m = minute(d);
      const s = String(Math.floor((((d.getTime() % 60_000) + 60_000) % 60_000) / 1000)).padStart(2, '0');
      return `${m.date}T${m.hm}:${s}${m.offset}`;
    },
    /** 10:02 */
    hm: (d) => minute(d).hm,
  };
}

import type { Services } from '../feature';
import type { Case } from './case';
import type { CalendarDate } from '../dates/calendar-date';
import { daysBetween } from '../dates/calendar-date';
import type { CaseworkSettings } from './casework.settings';
import { caseMilestones, type Milestone } from './milestones';

// The table 國發會 shows at the 月會 ("35 案：21 案未於 7 日內公告"): for cases whose petition
// passed in a period, per lead agency and in total, how each SOP milestone went. Pure counting
// over what /case N shows; the chat (/report sop), the web (/sop) and /export sop format it.

/** How one milestone went across a set of cases. */
export interface StageCounts {
  stage: string;
  rule: Milestone['rule'];
  count: number;
  onTime: number;
  late: number;
  /** Not met by its day, and a reason was given (`/case N reason`). */
  missedWithReason: number;
  missedWithoutReason: number;
  /** Not yet due. */
  open: number;
  /** Its day passed before the case was recorded: nobody knows. */
  unrecorded: number;
  /** Median days from passing to reaching it, over the cases that reached it; null when none did. */
  medianDays: number | null;
}

export interface SopGroup {
  /** The lead agency, null for cases with none named yet. */
  agencyId: number | null;
  cases: number;
  /** Extensions (展延) recorded, and how many cases had at least one. */
  extensions: number;
  extendedCases: number;
  stages: StageCounts[];
}

export interface SopReport {
  from: CalendarDate | null;
  to: CalendarDate;
  total: SopGroup;
  /** By lead agency, in the agency list's order; cases without a lead last. */
  agencies: SopGroup[];
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Row {
  c: Case;
  milestones: Milestone[];
  extensions: number;
}

function group(agencyId: number | null, rows: readonly Row[], order: readonly Milestone[]): SopGroup {
  const stages = order.map((tmpl): StageCounts => {
    const counts: StageCounts = { stage: tmpl.stage, rule: tmpl.rule, count: tmpl.count, onTime: 0, late: 0, missedWithReason: 0, missedWithoutReason: 0, open: 0, unrecorded: 0, medianDays: null };
    const days: number[] = [];
    for (const r of rows) {
      const m = r.milestones.find((x) => x.stage === tmpl.stage);
      if (!m) continue;
      const st = m.state;
      if (st.kind === 'onTime' || st.kind === 'late') {
        counts[st.kind]++;
        days.push(daysBetween(r.c.petitionPassedOn!, st.on));
      } else if (st.kind === 'missed') counts[m.reason !== undefined ? 'missedWithReason' : 'missedWithoutReason']++;
      else counts[st.kind]++;
    }
    counts.medianDays = median(days);
    return counts;
  });
  return { agencyId, cases: rows.length, extensions: rows.reduce((n, r) => n + r.extensions, 0), extendedCases: rows.filter((r) => r.extensions > 0).length, stages };
}

/** Cases whose petition passed from `from` (none: since the first) to `to`, both days included. */
export function sopReport(services: Services, s: CaseworkSettings, now: Date, from: CalendarDate | null, to: CalendarDate): SopReport {
  const { store, calendar, settings } = services;
  const rows: Row[] = store.cases
    .list()
    .filter((c) => c.petitionPassedOn !== null && (from === null || c.petitionPassedOn >= from) && c.petitionPassedOn <= to)
    .map((c) => {
      const events = store.cases.events(c.id);
      return { c, milestones: caseMilestones(c, events, s, calendar, now, settings.timezone), extensions: events.filter((e) => e.detail.kind === 'extension').length };
    });
  // The stages in the configured order, as any case has them (every case has the same ones).
  const order = rows[0]?.milestones ?? [];
  const byAgency = new Map<number | null, Row[]>();
  for (const r of rows) byAgency.set(r.c.leadAgencyId, [...(byAgency.get(r.c.leadAgencyId) ?? []), r]);
  const known = [...services.people.agencies.byId.keys()];
  const ids = [...byAgency.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : known.indexOf(a) - known.indexOf(b)));
  return { from, to, total: group(null, rows, order), agencies: ids.map((id) => group(id, byAgency.get(id)!, order)) };
}

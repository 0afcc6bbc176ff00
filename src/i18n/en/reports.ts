import type { Translation } from '../translation';
import type { reports as zh } from '../zh-TW/reports';
import { agenciesN, count, votesN } from './plural';

export const reports: Translation<typeof zh> = {
  helpReport: '[sop [from] [to]] - the weekly digest (new issues, top issues, cases by stage, deadlines, overdue follow-ups); sop: the Join SOP report',
  helpExport: '<issues|cases|actions|sop> [csv|json] - export the data as a file (sop takes [from] [to])',
  exportUsage: 'Usage: /export <issues|cases|actions> [csv|json], e.g. /export cases csv; or /export sop [from] [to] [csv|json]',
  exported: (p) => `Exported ${p.kind}: ${count(p.n, 'row', 'rows')} (${p.format}).`,
  header: (p) => `Weekly digest (${p.from} - ${p.to})`,
  newIssues: (p) => `New issues this week (${p.n}):`,
  topIssues: (p) => `Most supported open issues (top ${p.n}):`,
  topIssuesNone: 'Most supported open issues:',
  casesByStage: (p) => `Cases by stage, open and closed this week (${p.n}):`,
  deadlinesSoon: (p) => `Response deadlines within ${count(p.days, 'day', 'days')} (${p.n}):`,
  overdueCases: (p) => `Overdue cases (${p.n}):`,
  overdueItems: (p) => `Overdue follow-up items (${p.n}):`,
  issueLine: (p) => `#${p.id} ${p.title} - ${votesN(p.votes)} / ${agenciesN(p.agencies)}`,
  stageLine: (p) => `${p.stage} (${p.n}):`,
  mergedIssues: (p) => `Issues merged this week (${p.n}):`,
  monthlyBallot: (p) => `Monthly ballot this week (${p.n}):`,
  ballotLine: (p) => `#${p.id} ${p.meeting}: ${agenciesN(p.voted)} voted; ranking ${p.ranking}`,
  ballotSelected: (p) => `; selected ${p.list}`,
  ballotHandled: (p) => `; handled by the agency itself ${p.list}`,
  mergeLine: (p) => `#${p.from} ${p.fromTitle} -> #${p.into} ${p.intoTitle} (${votesN(p.moved)} moved)`,
  postedWeekly: '(Posted every week; type /report any time for the latest.)',
};

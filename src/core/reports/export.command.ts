import type { Command, Context, Reply } from '../feature';
import { sopTable } from './sop-report.view';
import type { CaseworkSettings } from '../cases/casework.settings';
import { UserError } from '../errors';
import { todayIn } from '../dates/calendar-date';
import { toCsv, type Cell } from './csv';
import { EXPORT_KINDS, LIST_SEPARATOR, TABLES, type ExportKind, type Table } from './export-data';

export function tableToCsv(t: Table): string {
  const rows = t.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.join(LIST_SEPARATOR) : v])) as Record<string, Cell>);
  return toCsv(t.columns, rows);
}

/** /export issues|cases|actions [csv|json]: the stored data as a file. */
export const exportCommand = (s: CaseworkSettings): Command => ({
  name: 'export',
  description: 'reports.helpExport',
  handle(ctx, args) {
    const sop = /^\s*sop(?:\s+([\s\S]*))?$/i.exec(args);
    if (sop) return exportSop(ctx, s, sop[1] ?? '');
    const [what, fmtWord, extra] = args.trim().toLowerCase().split(/\s+/);
    if (!what || !(EXPORT_KINDS as readonly string[]).includes(what) || extra) throw new UserError('reports.exportUsage', undefined);
    const fmt = fmtWord ?? 'csv';
    if (fmt !== 'csv' && fmt !== 'json') throw new UserError('reports.exportUsage', undefined);
    const kind = what as ExportKind;
    const table = TABLES[kind](ctx.services, s);
    const day = todayIn(ctx.now, ctx.services.settings.timezone).replace(/-/g, '');
    const file =
      fmt === 'csv'
        ? { filename: `${kind}-${day}.csv`, mime: 'text/csv; charset=utf-8', content: tableToCsv(table) }
        : { filename: `${kind}-${day}.json`, mime: 'application/json', content: JSON.stringify(table.rows, null, 2) + '\n' };
    return { type: 'reply', message: { text: [ctx.t('reports.exported', { kind, n: table.rows.length, format: fmt.toUpperCase() })], file } };
  },
});

/** `/export sop [from] [to] [csv|json]`: the SOP report's table (one row per group and milestone). */
function exportSop(ctx: Context, s: CaseworkSettings, rest: string): Reply {
  const words = rest.trim() ? rest.trim().split(/\s+/) : [];
  const last = words.at(-1)?.toLowerCase();
  const fmt = last === 'csv' || last === 'json' ? (words.pop(), last) : 'csv';
  const table = sopTable(ctx, s, words.join(' '));
  const day = todayIn(ctx.now, ctx.services.settings.timezone).replace(/-/g, '');
  const file =
    fmt === 'csv'
      ? { filename: `sop-${day}.csv`, mime: 'text/csv; charset=utf-8', content: tableToCsv(table) }
      : { filename: `sop-${day}.json`, mime: 'application/json', content: JSON.stringify(table.rows, null, 2) + '\n' };
  return { type: 'reply', message: { text: [ctx.t('reports.exported', { kind: 'sop', n: table.rows.length, format: fmt.toUpperCase() })], file } };
}

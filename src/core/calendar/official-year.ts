// The government office calendar (行政院人事行政總處「中華民國政府行政機關辦公日曆表」) for one
// year, read from text. Two spellings of the same facts:
// - the official JSON (one `{date, week, isHoliday, description}` per day), which an operator
//   drops into `calendar.dir` for a year the release does not carry;
// - the compact form the release ships (calendar/YYYY.txt): only the days that differ from
//   "Monday–Friday open, Saturday–Sunday closed" or that have a name, one per line.
// Pure string work: the loader (src/calendar/) reads the files. Errors name the line.

/** One day that is not an ordinary weekday/weekend, or that has a name. */
export interface OfficialDay {
  /** Government offices are closed (holiday, 補假, weekend). */
  off: boolean;
  /** 端午節, 補假, 補行上班 … ('' for an unnamed day). */
  name: string;
}

export interface OfficialYear {
  year: number;
  /** Keyed by 'YYYY-MM-DD'; days not listed are ordinary (weekend closed, weekday open). */
  days: ReadonlyMap<string, OfficialDay>;
}

export class CalendarFileError extends Error {
  override name = 'CalendarFileError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
const MAX_PROBLEMS = 20;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isWeekend(year: number, month: number, day: number): boolean {
  const w = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return w === 0 || w === 6;
}

function daysIn(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const d = new Date(t);
    out.push(`${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  return out;
}

function ordinaryOff(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isWeekend(y, m, d);
}

/** Line number (1-based) of each top-level array element's opening brace, skipping strings. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (ch === '{' && depth === 1) lines.push(line);
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return lines;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * Parses the official JSON for `year` (the file's name says which). Every day of the year must
 * be there once, with the right weekday; anything else is refused with the file and line.
 */
export function parseOfficialJson(text: string, year: number, file: string): OfficialYear {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const where = pos ? ` line ${lineAt(text, Number(pos[1]))}` : '';
    throw new CalendarFileError([`${file}${where}: not valid JSON (${(e as Error).message})`]);
  }
  if (!Array.isArray(raw)) throw new CalendarFileError([`${file} line 1: expected a JSON array of days ({"date","week","isHoliday","description"})`]);
  const lines = elementLines(text);
  const problems: string[] = [];
  const days = new Map<string, OfficialDay>();
  const seen = new Set<string>();
  raw.forEach((entry: unknown, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const at = `${file} line ${lines[i] ?? '?'}`;
    const e = entry as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return void problems.push(`${at}: expected an object {"date","week","isHoliday","description"}`);
    const { date, week, isHoliday, description } = e;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return void problems.push(`${at}: "date" must be "YYYY-MM-DD"`);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return void problems.push(`${at}: ${date} is not a day of the calendar`);
    if (y !== year) return void problems.push(`${at}: ${date} is not in ${year} (the file's name says ${year})`);
    if (seen.has(date)) return void problems.push(`${at}: ${date} is listed twice`);
    seen.add(date);
    if (week !== WEEK[t.getUTCDay()]) return void problems.push(`${at}: "week" for ${date} must be "${WEEK[t.getUTCDay()]}", not ${JSON.stringify(week)}`);
    if (typeof isHoliday !== 'boolean') return void problems.push(`${at}: "isHoliday" must be true or false`);
    const name = description ?? '';
    if (typeof name !== 'string' || name.length > 40 || /[\u0000-\u001F]/.test(name)) return void problems.push(`${at}: "description" must be a short text`);
    if (isHoliday !== ordinaryOff(date) || name) days.set(date, { off: isHoliday, name: name.trim() });
  });
  if (!problems.length) {
    const missing = daysIn(year).filter((d) => !seen.has(d));
    if (missing.length) problems.push(`${file}: ${missing.length} day(s) of ${year} missing, first ${missing[0]}; the file must list every day`);
  }
  if (problems.length) throw new CalendarFileError(problems);
  return { year, days };
}

/** The compact form: `MM-DD off|work [name]` lines; `#` starts a comment. */
export function parseCompact(text: string, year: number, file: string): OfficialYear {
  const problems: string[] = [];
  const days = new Map<string, OfficialDay>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const m = /^(\d{2})-(\d{2})\s+(off|work)(?:\s+(.+))?$/.exec(line);
    const date = m ? `${year}-${m[1]}-${m[2]}` : '';
    if (!m || !daysIn(year).includes(date)) return void problems.push(`${file} line ${i + 1}: expected "MM-DD off|work [name]" for a day of ${year}`);
    if (days.has(date)) return void problems.push(`${file} line ${i + 1}: ${date} is listed twice`);
    days.set(date, { off: m[3] === 'off', name: (m[4] ?? '').trim() });
  });
  if (problems.length) throw new CalendarFileError(problems);
  return { year, days };
}

/** Writes a year in the compact form (scripts/calendar-compact.ts). */
export function toCompact(y: OfficialYear, header: readonly string[]): string {
  const body = [...y.days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, d]) => `${date.slice(5)} ${d.off ? 'off' : 'work'}${d.name ? ' ' + d.name : ''}`);
  return [...header.map((h) => `# ${h}`), ...body].join('\n') + '\n';
}

/** Whether offices are open that day by this year's data (ordinary rule for unlisted days). */
export function isOpen(y: OfficialYear, date: string): boolean {
  const d = y.days.get(date);
  return d ? !d.off : !ordinaryOff(date);
}

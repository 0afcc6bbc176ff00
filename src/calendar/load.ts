import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appRoot } from '../paths';
import { CalendarFileError, parseCompact, parseOfficialJson, type OfficialYear } from '../core/calendar/official-year';

/** The release's official calendar years (calendar/YYYY.txt at the project root, /app/calendar in the image). */
export const SHIPPED_CALENDAR_DIR = resolve(appRoot(), 'calendar');

const YEAR_FILE = /^(\d{4})\.json$/;

/**
 * Reads and checks every `YYYY.json` (the official format) in the operator's `calendar.dir` at
 * start-up, so a bad file stops the bot with the file and line instead of a wrong working day
 * months later. Throws CalendarFileError listing every problem.
 */
export function loadOperatorYears(dir: string): Map<number, OfficialYear> {
  const abs = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(abs);
  } catch (e) {
    throw new CalendarFileError([`calendar.dir ${abs}: cannot read the folder (${(e as Error).message})`]);
  }
  const years = new Map<number, OfficialYear>();
  const problems: string[] = [];
  for (const name of names.sort()) {
    const file = join(abs, name);
    const m = YEAR_FILE.exec(name);
    if (!m) {
      if (name.endsWith('.json')) problems.push(`${file}: the name must be the year, e.g. 2027.json`);
      continue;
    }
    try {
      years.set(Number(m[1]), parseOfficialJson(readFileSync(file, 'utf8'), Number(m[1]), file));
    } catch (e) {
      if (e instanceof CalendarFileError) problems.push(...e.problems);
      else problems.push(`${file}: cannot read (${(e as Error).message})`);
    }
  }
  if (problems.length) throw new CalendarFileError(problems);
  return years;
}

/**
 * A year's official data: the operator's file when there is one (a correction or a new year
 * wins over the release), else the shipped compact file, read when the year is first asked for.
 */
export function officialYears(operator: ReadonlyMap<number, OfficialYear>, shippedDir = SHIPPED_CALENDAR_DIR): (year: number) => OfficialYear | undefined {
  return (year) => {
    const own = operator.get(year);
    if (own) return own;
    const file = join(shippedDir, `${year}.txt`);
    if (!existsSync(file)) return undefined;
    return parseCompact(readFileSync(file, 'utf8'), year, file);
  };
}

// RFC 4180 CSV that Excel (what ministries open it with) reads as UTF-8 and cannot execute.

export type Cell = string | number | null;

// A cell starting like a formula runs in spreadsheets (CSV injection): such cells get one
// leading apostrophe, as OWASP advises. Spreadsheets skip leading blanks before `=`, and
// LibreOffice and Excel with an East Asian input method take the full-width ＝＋－＠ too, so
// "starting" means the first non-blank character; a leading tab or CR is guarded as such.
// Cells that already start with apostrophes before such a start get one more, so `unguard`
// restores every stored value exactly.
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/u;

export function guard(s: string): string {
  return FORMULA_START.test(s.replace(/^'+/, '')) ? "'" + s : s;
}

export function unguard(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.replace(/^'+/, '')) ? s.slice(1) : s;
}

function field(c: Cell): string {
  if (c === null) return '';
  const s = typeof c === 'number' ? String(c) : guard(c);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(r[c] ?? null)).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

import type { Locale } from '../../i18n/catalog';

const DIGITS = '零一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 12 → 十二, 50 → 五十, 105 → 一百零五 (up to 9999), as the network numbers cases. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return DIGITS[0]!;
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = UNITS[ds.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += DIGITS[0];
    zero = false;
    out += DIGITS[d]! + unit;
  });
  // 一十二 is written 十二.
  return out.startsWith('一十') ? out.slice(1) : out;
}

export function parseChineseNumeral(s: string): number | undefined {
  if (!/^[零〇一二兩三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const d = '零一二三四五六七八九'.indexOf(ch);
    if (d >= 0) digit = d;
    else if (ch === '〇') digit = 0;
    else if (ch === '兩') digit = 2;
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

/** 第十二案 (zh-TW) or Case 12 (en). */
export function formatCaseNumber(n: number, locale: Locale): string {
  return locale === 'zh-TW' ? `第${chineseNumeral(n)}案` : `Case ${n}`;
}

/** `12`, `#12`, `第12案`, `第十二案`, `案12`, `case 12`, `c12` → 12. */
export function parseCaseNumber(input: string): number | undefined {
  const s = input.normalize('NFKC').trim();
  const m = /^(?:#|第|案|case\s*|c)?\s*([0-9]{1,6}|[零〇一二兩三四五六七八九十百千]{1,8})\s*案?$/i.exec(s);
  if (!m) return undefined;
  const n = /^\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
  return n && n > 0 ? n : undefined;
}

/** A case reference inside free text (a /topic): 第三案, 第3案, case 3. */
export function findCaseReference(text: string): number | undefined {
  const m = /第\s*([0-9]{1,6}|[零〇一二兩三四五六七八九十百千]{1,8})\s*案|\bcase\s+#?([0-9]{1,6})\b/i.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  return m[1] ? parseCaseNumber(`第${m[1]}案`) : Number(m[2]);
}

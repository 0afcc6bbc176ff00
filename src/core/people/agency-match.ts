import type { Agency } from '../records';
import type { Locale } from '../../i18n/catalog';
import { translator } from '../../i18n/catalog';
import { UserError } from '../errors';
import { editDistance } from '../input/edit-distance';

// Variant characters IMEs and habits produce for the ones in official names (内政部 for 內政部,
// 台灣 for 臺灣).
const VARIANTS: Record<string, string> = { 内: '內', 台: '臺' };

/**
 * The form names are compared in: NFKC, lower case, no leading #, no spaces, hyphens,
 * underscores or dots, so `Ministry of Environment`, `#Ministry_of_Environment` (a hashtag
 * cannot hold spaces) and `MinistryOfEnvironment` are one name; 内/台 read as 內/臺.
 */
function norm(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^[#＃]/, '')
    .replace(/[\s\-_.]+/g, '')
    .replace(/[内台]/g, (c) => VARIANTS[c]!);
}

/** Where a name can end: before a space or a list separator. */
const NAME_END = /[\s,，、;；]/;
/** Longer than the longest agency name in any form (the default list's is 56 characters). */
const NAME_SCAN_MAX = 120;

function keys(a: Agency): string[] {
  return [a.name, a.code, ...(a.nameEn ? [a.nameEn] : []), ...a.aliases];
}

/**
 * The configured agencies, found by any of their names in any locale, and named in the bot's
 * locale: the English name when the bot speaks English and one is configured.
 */
export class AgencyDirectory {
  private readonly index = new Map<string, Agency>();
  readonly byId = new Map<number, Agency>();

  constructor(
    readonly all: readonly Agency[],
    readonly locale: Locale = 'zh-TW',
  ) {
    for (const a of all) {
      this.byId.set(a.id, a);
      for (const key of keys(a)) this.index.set(norm(key), a);
    }
  }

  find(name: string): Agency | undefined {
    return this.index.get(norm(name));
  }

  /**
   * The longest agency name at the start of the text, and what follows it. English names hold
   * spaces (`Ministry of Health and Welfare`) and one a comma (`Directorate-General of Budget,
   * Accounting and Statistics`), so a name may run over what else separates words in a list.
   */
  matchStart(text: string): { agency: Agency; rest: string } | undefined {
    const s = text.trimStart();
    let best: { agency: Agency; end: number } | undefined;
    const limit = Math.min(s.length, NAME_SCAN_MAX);
    for (let end = 1; end <= limit; end++) {
      if (end < s.length && !NAME_END.test(s[end]!)) continue;
      const a = this.find(s.slice(0, end));
      if (a) best = { agency: a, end };
    }
    return best && { agency: best.agency, rest: s.slice(best.end) };
  }

  /** How the agency is shown to people. */
  label(a: Agency): string {
    return this.locale === 'en' && a.nameEn ? a.nameEn : a.name;
  }

  name(id: number | null | undefined): string | undefined {
    if (id == null) return undefined;
    const a = this.byId.get(id);
    return a && this.label(a);
  }

  /** Up to three agencies whose names contain, or are a short edit away from, the input. */
  suggest(name: string): Agency[] {
    const q = norm(name);
    if (!q) return [];
    const scored: { a: Agency; score: number }[] = [];
    for (const a of this.all) {
      let best = Infinity;
      for (const key of keys(a).map(norm)) {
        const longer = Math.max([...q].length, [...key].length);
        // One name inside the other: as close as the characters left over (交通 ⊂ 交通部).
        if (key.includes(q) || q.includes(key)) best = Math.min(best, 0.5, (longer - Math.min([...q].length, [...key].length)) / longer);
        else best = Math.min(best, editDistance(q, key) / longer);
      }
      if (best <= 0.5) scored.push({ a, score: best });
    }
    scored.sort((x, y) => x.score - y.score);
    // Long English names share "Ministry of …": only matches about as close as the best one.
    const best = scored[0]?.score ?? 0;
    return scored
      .filter((s) => s.score <= best + 0.2)
      .slice(0, 3)
      .map((s) => s.a);
  }

  /** The close matches as one list in the bot's language, for an "unknown agency" answer. */
  suggestions(name: string): string {
    return this.suggest(name)
      .map((a) => this.label(a))
      .join(translator(this.locale)('common.separator'));
  }

  /** The refusal for a name that is no agency, with close matches. */
  unknown(name: string): UserError {
    return new UserError('agencies.unknown', { name: name.slice(0, 40), suggestions: this.suggestions(name) });
  }
}

import type { Context } from '../feature';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { foldWidth } from '../input/ime';
import type { CalendarDate } from '../dates/calendar-date';
import { parseDueDay } from '../cases/due-date';
import { normalizeDateText, recognizeDate } from '../input/date-words';
import { parseCaseNumber } from '../cases/case-number';

export const ACTION_TEXT_MAX = 500;

export interface ParsedAction {
  caseNumber: number | null;
  ownerAgencyId: number | null;
  ownerUserId: number | null;
  text: string;
  due: CalendarDate | null;
  /** The due date is already past (written with its year): the answer warns. */
  duePast: boolean;
  /** No due word, but the text names a date as a deadline (`下週五前完成`): the answer says how to set it. */
  dueHint: string | null;
}

const CASE_PREFIX = /^(第\s*[0-9０-９零〇一二兩三四五六七八九十百千]+\s*案|case\s+[#＃]?[0-9０-９]+)\s+/i;
// A due date is introduced by one of these words (after a space), and runs to the end of the
// line: `due 5/15`, `截止日 5/15`, `期限：下週五`, `due next friday`, `到期 月底`.
const DUE_WORD = /(?:^|\s)(due|截止日?|期限|到期日?)(?=[\s:：])/gi;

/** The last due word and what follows it, if any. */
function findDue(s: string): { index: number; phrase: string } | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of s.matchAll(DUE_WORD)) last = m as RegExpExecArray;
  if (!last) return undefined;
  const phrase = s.slice(last.index + last[0].length).replace(/^\s*[:：]?\s*/, '');
  return { index: last.index, phrase };
}

function findUser(ctx: Context, name: string): { id: number; agencyId: number | null } {
  const found = ctx.services.store.cases.findUsers(ctx.actor.platform, name);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new UserError('actions.ownerAmbiguous', { name: name.slice(0, 40), n: found.length });
  throw new UserError('actions.ownerUnknown', { name: name.slice(0, 40), suggestions: ctx.services.people.agencies.suggestions(name) });
}

/** `/action [第N案] <agency | @user> <text> [due <date>]` */
export function parseAction(args: string, ctx: Context): ParsedAction {
  let s = args.trim();
  if (!s) throw new UserError('actions.actionUsage', undefined);
  let caseNumber: number | null = null;
  const cm = CASE_PREFIX.exec(s);
  if (cm) {
    caseNumber = parseCaseNumber(foldWidth(cm[1]!).replace(/^case\s+/i, '')) ?? null;
    s = s.slice(cm[0].length);
  }

  let ownerAgencyId: number | null = null;
  let ownerUserId: number | null = null;
  // A mention arrives as `@name` or `@id`: each adapter resolves its platform's markup first
  // (Slack's <@U123|name>, in src/adapters/slack/parse.ts).
  const om = /^(\S+)(?:\s+|$)/.exec(s);
  if (!om) throw new UserError('actions.actionUsage', undefined);
  const token = om[1]!;
  // The longest agency name here: English names hold spaces (Ministry of Health and Welfare).
  const named = token.startsWith('@') || token.startsWith('＠') ? undefined : ctx.services.people.agencies.matchStart(s);
  if (named && /^(?:\s|$)/.test(named.rest)) {
    ownerAgencyId = named.agency.id;
    s = named.rest.trimStart();
  } else {
    s = s.slice(om[0].length);
    const u = findUser(ctx, token.replace(/^[@＠]/, ''));
    ownerUserId = u.id;
    ownerAgencyId = u.agencyId;
  }

  let due: CalendarDate | null = null;
  let duePast = false;
  const dm = findDue(s);
  if (dm) {
    // A due word followed by anything but a date refuses the whole command: never "no due date" silently.
    const d = parseDueDay(ctx, dm.phrase, ctx.t('actions.actionUsage'));
    due = d.date;
    duePast = d.past;
    s = s.slice(0, dm.index);
  }
  const text = s.trim();
  if (!text) throw new UserError('actions.textEmpty', undefined);
  checkText(text, { max: ACTION_TEXT_MAX, multiline: true });
  return { caseNumber, ownerAgencyId, ownerUserId, text, due, duePast, dueHint: dm ? null : deadlineInText(text) };
}

// `<date>前` / `<date>以前` (下週五前完成, 4/10以前回覆) or `by|before <date>` at the end. Only a hint:
// the words may mean something else, so nothing is stored without a due word.
const BEFORE = /(?:以前|之前|前)/g;
const EN_BY = /(?:^|\s)(?:by|before)\s+(.{2,30})$/i;
const SCAN = 14;

/** A date written as a deadline in the item's text, as typed, or null. */
function deadlineInText(text: string): string | null {
  for (const m of text.matchAll(BEFORE)) {
    const head = text.slice(Math.max(0, m.index - SCAN), m.index);
    // The longest date ending right before 前: 下週五, 4/10, 4月底, 5月1日 …
    for (let i = 0; i < head.length; i++) {
      const phrase = head.slice(i).replace(/^[在於于]/, '').trim();
      if (phrase && recognizeDate(normalizeDateText(phrase))) return phrase;
    }
  }
  const en = EN_BY.exec(text);
  if (en && recognizeDate(normalizeDateText(en[1]!))) return en[1]!.trim();
  return null;
}

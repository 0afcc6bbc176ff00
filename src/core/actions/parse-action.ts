import type { Context } from '../feature';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import type { CalendarDate } from '../cases/case';
import { parseCalendarDate, todayIn } from '../cases/calendar-date';
import { parseCaseNumber } from '../cases/case-number';

export const ACTION_TEXT_MAX = 500;

export interface ParsedAction {
  caseNumber: number | null;
  ownerAgencyId: number | null;
  ownerUserId: number | null;
  text: string;
  due: CalendarDate | null;
}

const CASE_PREFIX = /^(第\s*[0-9零〇一二兩三四五六七八九十百千]+\s*案|case\s+#?\d+)\s+/i;
// Slack sends a mention as <@U123> or <@U123|name>.
const SLACK_MENTION = /^<@([A-Z0-9]+)(?:\|[^>]*)?>(?:\s+|$)/;
const DUE = /(?:^|\s+)(?:due|期限|到期|截止)\s*[:：]?\s*(\S+)\s*$/i;

function findUser(ctx: Context, name: string): { id: number; agencyId: number | null } {
  const found = ctx.services.store.cases.findUsers(ctx.actor.platform, name);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new UserError('actions.ownerAmbiguous', { name: name.slice(0, 40), n: found.length });
  throw new UserError('actions.ownerUnknown', { name: name.slice(0, 40), suggestions: ctx.services.people.agencies.suggest(name).map((a) => a.name).join('、') });
}

/** `/action [第N案] <agency | @user> <text> [due <date>]` */
export function parseAction(args: string, ctx: Context): ParsedAction {
  let s = args.trim();
  if (!s) throw new UserError('actions.actionUsage', undefined);
  let caseNumber: number | null = null;
  const cm = CASE_PREFIX.exec(s);
  if (cm) {
    caseNumber = parseCaseNumber(cm[1]!.replace(/^case\s+/i, '')) ?? null;
    s = s.slice(cm[0].length);
  }

  let ownerAgencyId: number | null = null;
  let ownerUserId: number | null = null;
  const sm = SLACK_MENTION.exec(s);
  if (sm) {
    const u = findUser(ctx, sm[1]!);
    ownerUserId = u.id;
    ownerAgencyId = u.agencyId;
    s = s.slice(sm[0].length);
  } else {
    const om = /^(\S+)(?:\s+|$)/.exec(s);
    if (!om) throw new UserError('actions.actionUsage', undefined);
    const token = om[1]!;
    s = s.slice(om[0].length);
    const agency = token.startsWith('@') || token.startsWith('＠') ? undefined : ctx.services.people.agencies.find(token);
    if (agency) ownerAgencyId = agency.id;
    else {
      const u = findUser(ctx, token.replace(/^[@＠]/, ''));
      ownerUserId = u.id;
      ownerAgencyId = u.agencyId;
    }
  }

  let due: CalendarDate | null = null;
  const dm = DUE.exec(s);
  if (dm) {
    const d = parseCalendarDate(dm[1]!, todayIn(ctx.now, ctx.services.settings.timezone));
    if (!d) throw new UserError('cases.badDate', { input: dm[1]!.slice(0, 40), usage: ctx.t('actions.actionUsage') });
    due = d;
    s = s.slice(0, dm.index);
  }
  const text = s.trim();
  if (!text) throw new UserError('actions.textEmpty', undefined);
  checkText(text, { max: ACTION_TEXT_MAX, multiline: true });
  return { caseNumber, ownerAgencyId, ownerUserId, text, due };
}

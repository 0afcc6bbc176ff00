import type { Locale } from '../../i18n/catalog';
import type { Case } from './case';
import type { CaseworkSettings, Stage } from './casework.settings';

export function firstStage(s: CaseworkSettings): Stage {
  return s.stages[0]!;
}

/** The last configured stage is terminal (結案): no reminders, never overdue. */
export function isClosed(c: Pick<Case, 'stage'>, s: CaseworkSettings): boolean {
  return c.stage === s.stages[s.stages.length - 1]!.id;
}

/**
 * The petition is answered once the case reaches the first stage marked `answersPetition`
 * (正式回應 by default), or is closed: no overdue mark and no deadline reminders after that.
 */
export function isAnswered(c: Pick<Case, 'stage'>, s: CaseworkSettings): boolean {
  const at = s.stages.findIndex((x) => x.id === c.stage);
  const marked = s.stages.findIndex((x) => x.answersPetition);
  return at >= (marked < 0 ? s.stages.length - 1 : marked) || isClosed(c, s);
}

export function stageLabel(id: string, s: CaseworkSettings, locale: Locale): string {
  return s.stages.find((x) => x.id === id)?.label[locale] ?? id;
}

/** By id, by either label, or by its position (1-based), so `/case 3 stage 轉譯`, `translate` and `4` all work. */
export function matchStage(input: string, s: CaseworkSettings): Stage | undefined {
  const q = input.normalize('NFKC').trim().toLowerCase();
  if (!q) return undefined;
  if (/^\d{1,2}$/.test(q)) return s.stages[Number(q) - 1];
  return s.stages.find((x) => x.id === q || x.label['zh-TW'].toLowerCase() === q || x.label.en.toLowerCase() === q);
}

export function stageList(s: CaseworkSettings, locale: Locale): string {
  return s.stages.map((x, i) => `${i + 1}. ${x.label[locale]} (${x.id})`).join('\n');
}

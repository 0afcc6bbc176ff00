import type { Translate } from '../../i18n/catalog';
import type { SearchKind } from './search.port';

const KEYS = { proposal: 'search.kindProposal', case: 'search.kindCase', decision: 'search.kindDecision', item: 'search.kindItem', speech: 'search.kindSpeech' } as const;

/** A kind's heading, as chat answers and the web page show it. */
export function kindLabel(t: Translate, k: SearchKind): string {
  return t(KEYS[k]);
}

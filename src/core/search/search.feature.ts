import type { Feature } from '../feature';
import { searchCommand } from './search.command';

/** One search over the record: proposals, cases and their notes, decisions, follow-up items, minutes. */
export const searchFeature: Feature = { name: 'search', commands: [searchCommand] };

import type { Feature } from '../feature';
import { link, unlink } from './accounts.commands';

/** One person across platforms (issue 30, item 3): `/link`, `/unlink`. */
export const accountsFeature: Feature = { name: 'accounts', commands: [link, unlink] };

import type { Feature } from '../feature';
import type { CaseworkSettings } from '../cases/casework.settings';
import { reportCommand } from './weekly-digest';
import { exportCommand } from './export.command';

/** Data out: the weekly digest and exports of issues, cases and follow-up items. */
export function reportsFeature(s: CaseworkSettings): Feature {
  return { name: 'reports', commands: [reportCommand(s), exportCommand] };
}

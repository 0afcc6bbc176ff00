import type { Context } from '../feature';
import type { IssueContent } from '../records';

// Shared by /edit and the issue's history; apart from edit.command.ts so the history (which
// /issue N shows) does not import the command that imports /issue's own helpers.

/** Which fields an edit changes, in the order the answer and the history name them. */
export function changedFields(from: IssueContent, to: IssueContent): ('title' | 'details' | 'agencies' | 'petition')[] {
  const out: ('title' | 'details' | 'agencies' | 'petition')[] = [];
  if (from.title !== to.title) out.push('title');
  if (from.details !== to.details) out.push('details');
  if ([...from.agencyIds].sort().join() !== [...to.agencyIds].sort().join()) out.push('agencies');
  if (from.petitionUrl !== to.petitionUrl) out.push('petition');
  return out;
}

const FIELD_KEYS = { title: 'issues.fieldTitle', details: 'issues.fieldDetails', agencies: 'issues.fieldAgencies', petition: 'issues.fieldPetition' } as const;

export function fieldNames(ctx: Pick<Context, 't'>, fields: readonly (keyof typeof FIELD_KEYS)[]): string {
  return fields.map((f) => ctx.t(FIELD_KEYS[f])).join(ctx.t('common.separator'));
}

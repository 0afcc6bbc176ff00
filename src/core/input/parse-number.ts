import { UserError } from '../errors';

/** Parses a record number like `12` or `#12`; refuses anything else with the given usage. */
export function parseRecordNumber(arg: string, usage: string): number {
  const m = /^#?(\d{1,9})$/.exec(arg.trim());
  if (!m) throw new UserError('common.notANumber', { usage });
  return Number(m[1]);
}

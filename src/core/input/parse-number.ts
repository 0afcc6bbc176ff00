import { UserError } from '../errors';
import { foldWidth } from './ime';

/** Parses a record number like `12`, `#12` or `＃１２` (IME); refuses anything else with the given usage. */
export function parseRecordNumber(arg: string, usage: string): number {
  const m = /^#?(\d{1,9})$/.exec(foldWidth(arg).trim());
  if (!m) throw new UserError('common.notANumber', { usage });
  return Number(m[1]);
}

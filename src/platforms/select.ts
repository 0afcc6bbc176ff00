import type { Env } from '../config/env';
import { platforms } from './registry';

/**
 * Which registered platforms run with these settings: every networked one that is configured,
 * and the embedded (local) default when none is, or beside them when it is configured itself.
 */
export function platformsToRun(env: Env) {
  const networked = platforms.list().filter((p) => !p.local && p.configured(env));
  const embedded = platforms.embeddedDefault();
  const running = [...(networked.length === 0 || embedded.configured(env) ? [embedded] : []), ...networked];
  return { running, networked };
}

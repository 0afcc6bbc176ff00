import * as z from './zod';
import { platforms } from '../platforms/registry';

/**
 * A `<platform>:<id>` reference in bot.config.json, checked against the registered platforms when
 * the config is read (so a platform registered at run time counts): an unknown platform is refused
 * with the list of known ones.
 */
export function platformRef(what: 'chat' | 'user') {
  return z.string().check((ctx) => {
    const m = /^([^:\s]+):[^\s]+$/.exec(ctx.value);
    const example = () =>
      platforms
        .list()
        .map((p) => `"${p.name}:${p.examples[what]}"`)
        .join(' or ');
    if (!m) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `expected "<platform>:<${what} id>", e.g. ${example()}` });
    } else if (!platforms.has(m[1]!)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `unknown platform "${m[1]!.slice(0, 40)}": known platforms are ${platforms.names().join(', ')}` });
    }
  });
}

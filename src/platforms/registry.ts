import type * as z from '../config/zod';
import type { PlatformDescriptor } from '../adapters/platform';
import type { PlatformCapabilities, PlatformDirectory } from '../core/platform';
import { consolePlatform } from '../adapters/console/console.platform';
import { slackPlatform } from '../adapters/slack/slack.platform';
import { telegramPlatform } from '../adapters/telegram/telegram.platform';

// The one list of chat platforms. Adding a platform is a folder under src/adapters/ with its
// descriptor, and one line here (docs/development.md, "Adding a platform"). Everything else
// (environment, config references, start-up, the core's capability questions) asks this list.
const BUILT_IN = [consolePlatform, slackPlatform, telegramPlatform] as const;

/**
 * The registered platform names, as a type. A platform registered at run time (a test's) extends
 * it by declaration merging: `declare module '…/platforms/registry' { interface PlatformNames { memchat: true } }`.
 */
export interface PlatformNames extends Record<(typeof BUILT_IN)[number]['name'], true> {}
export type PlatformName = keyof PlatformNames & string;

type EnvOf<D> = D extends PlatformDescriptor<string, infer S> ? z.output<z.ZodMiniObject<S>> : never;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Every built-in platform's own environment variables. */
export type PlatformEnv = Intersect<EnvOf<(typeof BUILT_IN)[number]>>;

// Descriptors are generic in their own variables; the registry holds them by their common shape.
type AnyDescriptor = PlatformDescriptor<PlatformName, z.core.$ZodShape>;
const registered = [...BUILT_IN] as unknown as AnyDescriptor[];

export const platforms = {
  list(): readonly AnyDescriptor[] {
    return registered;
  },
  names(): PlatformName[] {
    return registered.map((d) => d.name);
  },
  has(name: string): name is PlatformName {
    return registered.some((d) => d.name === name);
  },
  get(name: string): AnyDescriptor {
    const d = registered.find((p) => p.name === name);
    if (!d) throw new Error(`Unknown platform "${name}" (known: ${platforms.names().join(', ')})`);
    return d;
  },
  /** The platform that runs when nothing networked is configured: the local one. */
  embeddedDefault(): AnyDescriptor {
    return registered.find((d) => d.local)!;
  },
  /**
   * Adds a platform at run time (a plug-in outside src/, such as test/platform/memchat). Its
   * variables, references and capabilities count from then on; a name already taken is refused.
   */
  register<S extends z.core.$ZodShape>(d: PlatformDescriptor<PlatformName, S>): () => void {
    if (platforms.has(d.name)) throw new Error(`Platform "${d.name}" is already registered`);
    const entry = d as unknown as AnyDescriptor;
    registered.push(entry);
    return () => void registered.splice(registered.indexOf(entry), 1);
  },
  capabilities(name: string): PlatformCapabilities {
    return platforms.get(name).capabilities;
  },
  userRefExample(name: string): string {
    return `${name}:${platforms.get(name).examples.user}`;
  },
} satisfies PlatformDirectory & Record<string, unknown>;

import type * as z from '../config/zod';
import type { CommonEnv } from '../config/env';
import type { LoadedConfig } from '../config/load';
import type { AdjustableClock } from '../core/clock';
import type { Command } from '../core/feature';
import type { Logger } from '../core/logger';
import type { PlatformCapabilities } from '../core/platform';
import type { RequestListener } from '../http/http-server';
import type { RequestStats } from '../http/request-stats';
import type { Db } from '../store/db';
import type { ChatAdapter, Dispatch } from './chat-adapter';
import type { AdapterHub } from './hub';

export type { PlatformCapabilities };

/** What the composition root hands a platform when it starts it. */
export interface PlatformStartContext<E = CommonEnv> {
  env: E;
  config: LoadedConfig;
  /** The adapter adds itself: before it starts when an event may arrive the moment it connects. */
  hub: AdapterHub;
  dispatch: Dispatch;
  listCommands: () => readonly Command[];
  logger: Logger;
  clock: AdjustableClock;
  /** The database, for an adapter's own small state (the console's message counter). */
  db: Db;
  /** `--json` or BOT_CONSOLE_JSON=1: machine-readable output where the platform has any. */
  json: boolean;
  /** Runs the scheduler's due jobs now (after the clock moved). */
  tick: () => Promise<void>;
  /** Serves `path` on the bot's shared HTTP port (which exists whenever a networked platform runs). */
  mount: (path: string, listener: RequestListener) => void;
  /** Counts of refused and failed requests at the HTTP edge (/healthz). */
  requests: RequestStats;
  /** The platform's connection died on its own: the process stops with code 1. */
  onFatal: (e: Error) => void;
}

/**
 * One chat platform, as the registry (src/platforms/registry.ts) lists it. Everything outside the
 * platform's folder asks this, never the platform's name. Importing a descriptor must stay cheap:
 * its SDK is loaded inside `checkSettings` and `start`, only when the platform is configured.
 */
export interface PlatformDescriptor<N extends string = string, S extends z.core.$ZodShape = z.core.$ZodShape> {
  /** The prefix of its chat and user references (`<name>:<id>`). */
  readonly name: N;
  /** Its environment variables, each optional; checked at start with the others (exit 78). */
  readonly env: z.ZodMiniObject<S>;
  /** Ids shown in messages that explain the `<platform>:<id>` form. */
  readonly examples: { chat: string; user: string };
  /**
   * `local`: a chat on this machine that needs no network (the console). The registry's embedded
   * default; it runs when no networked platform is configured, or when asked to beside them.
   */
  readonly local?: boolean;
  /** Whether its settings ask for it to run here. */
  configured(env: CommonEnv & z.output<z.ZodMiniObject<S>>): boolean;
  /** Throws ConfigError for a setting that cannot work; runs before any port is taken. */
  checkSettings?(env: CommonEnv & z.output<z.ZodMiniObject<S>>): void;
  /** Connects (loading its SDK now), adds its adapter to the hub; resolves once events can flow. */
  start(ctx: PlatformStartContext<CommonEnv & z.output<z.ZodMiniObject<S>>>): Promise<ChatAdapter | undefined>;
  readonly capabilities: PlatformCapabilities;
}

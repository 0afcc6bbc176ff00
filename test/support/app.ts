import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config/load';
import { DEFAULT_AGENCIES } from '../../src/config/default-agencies';
import { ManualClock } from '../../src/core/clock';
import { silentLogger, type Logger } from '../../src/core/logger';
import type { Delivery } from '../../src/core/feature';
import type { ChatRef, MessageRef, OutboundMessage, PersonRef } from '../../src/core/types';
import { richToPlain } from '../../src/core/types';
import { templateDatabase } from './test-build';

export function tempDir(prefix = 'po-bot-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Records posts and updates in memory: the far side of the adapter boundary. */
export class RecordingDelivery implements Delivery {
  readonly posts: { ref: MessageRef; chat: ChatRef; message: OutboundMessage }[] = [];
  readonly updates: { ref: MessageRef; message: OutboundMessage }[] = [];
  /** Private messages to named people (Reply `private`), with the chat they are near. */
  readonly privates: { ref: MessageRef; to: PersonRef; near?: ChatRef; message: OutboundMessage }[] = [];
  private n = 0;
  async postPrivate(to: PersonRef, message: OutboundMessage, near?: ChatRef): Promise<MessageRef> {
    const ref = `${to.platform}:@${to.id}#${++this.n}` as MessageRef;
    this.privates.push({ ref, to, near, message });
    return ref;
  }
  async post(chat: ChatRef, message: OutboundMessage): Promise<MessageRef> {
    const ref = `${chat}#${++this.n}` as MessageRef;
    this.posts.push({ ref, chat, message });
    return ref;
  }
  async update(ref: MessageRef, message: OutboundMessage): Promise<void> {
    this.updates.push({ ref, message });
  }
  lastText(): string {
    const all = [...this.posts.map((p) => p.message), ...this.updates.map((u) => u.message)];
    return all.length ? richToPlain(all[all.length - 1]!.text) : '';
  }
}

export interface TestApp extends App {
  clock: ManualClock;
  delivery: RecordingDelivery;
  dir: string;
  cleanup(): void;
}

/** What the bot stores of an agency list (syncAgencies compares code and name, in order). */
const storedAgencies = (list: readonly { code: string; name: string }[]) => JSON.stringify(list.map((a) => [a.code, a.name]));
const DEFAULTS = storedAgencies(DEFAULT_AGENCIES);

/**
 * A real app on a real SQLite file with the real migrations, in a temp directory: a copy of the
 * database the migrations made once for this run (test/support/build.global.ts), with the default
 * agencies already written when the config lists exactly those (any other list starts from the
 * empty one, so its ids are what a first start gives), opened as the bot opens any database.
 */
export function testApp(config: Record<string, unknown> = {}, opts: { start?: Date; logger?: Logger; web?: Parameters<typeof createApp>[0]['web']; sayit?: Parameters<typeof createApp>[0]['sayit'] } = {}): TestApp {
  const { dir, cleanup } = tempDir();
  const clock = new ManualClock(opts.start ?? new Date('2026-12-01T02:00:00Z'));
  const parsed = parseConfig(config);
  copyFileSync(templateDatabase(storedAgencies(parsed.agencies) === DEFAULTS), join(dir, 'test.sqlite'));
  const app = createApp({ config: parsed, databasePath: join(dir, 'test.sqlite'), clock, logger: opts.logger ?? silentLogger, web: opts.web, sayit: opts.sayit });
  const delivery = new RecordingDelivery();
  app.bot.setDelivery(delivery);
  return {
    ...app,
    clock,
    delivery,
    dir,
    cleanup: () => {
      app.close();
      cleanup();
    },
  };
}

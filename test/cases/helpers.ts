import { testApp, type TestApp } from '../support/app';
import { parseCommandLine } from '../../src/core/input/command-line';
import type { Answer } from '../../src/core/feature';
import { richToPlain, type Actor, type ChatRef, type InboundEvent, type Platform } from '../../src/core/types';

export const CHAT: ChatRef = 'console:main';

/** A real app where console:pdis is a facilitator. */
export function caseApp(config: Record<string, unknown> = {}, opts: Parameters<typeof testApp>[1] = {}): TestApp {
  return testApp({ facilitators: ['console:pdis'], ...config }, opts);
}

export function actor(name: string, platform: Platform = 'console'): Actor {
  return { platform, id: name, name };
}

export function event(who: string | Actor, line: string, chat: ChatRef = CHAT): InboundEvent {
  const a = typeof who === 'string' ? actor(who) : who;
  // As the console reads a line (the core's command-line reader); `／…` stays a message for the core.
  const m = line.startsWith('/') ? parseCommandLine(line) : undefined;
  return m ? { kind: 'command', name: m.name, args: m.args, actor: a, chat } : { kind: 'message', text: line, actor: a, chat };
}

export interface Said {
  answer: Answer | undefined;
  text: string;
  private: boolean;
}

/** Dispatches one chat line (a /command or a message) as that person. */
export async function say(app: TestApp, who: string | Actor, line: string, chat: ChatRef = CHAT): Promise<Said> {
  const answer = await app.bot.dispatch(event(who, line, chat));
  return { answer, text: answer ? richToPlain(answer.message.text) : '', private: answer?.private ?? false };
}

export function postTexts(app: TestApp): string[] {
  return app.delivery.posts.map((p) => richToPlain(p.message.text));
}

/** Moves the clock to the instant and runs what fell due; returns the texts posted. */
export async function postedAt(app: TestApp, scheduler: { tick(): Promise<unknown> }, iso: string): Promise<string[]> {
  const before = app.delivery.posts.length;
  app.clock.set(new Date(iso));
  await scheduler.tick();
  return postTexts(app).slice(before);
}

export function count(app: TestApp, table: string): number {
  return (app.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** Row counts of every table the casework features write, to prove a refusal changed nothing. */
export function snapshot(app: TestApp): Record<string, number> {
  const tables = ['cases', 'case_agencies', 'case_events', 'case_meetings', 'action_items', 'minutes', 'minutes_lines', 'meetings', 'jobs', 'support_notices'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = count(app, t);
  out.caseState = (app.db.$client.prepare(`select coalesce(sum(length(stage) + coalesce(lead_agency_id, 0) + length(coalesce(deadline, ''))), 0) as n from cases`).get() as { n: number }).n;
  out.openItems = (app.db.$client.prepare(`select count(*) as n from action_items where status = 'open'`).get() as { n: number }).n;
  return out;
}

/** Proposes n issues as `who`; returns their ids. */
export async function propose(app: TestApp, n: number, who = 'alice', title = '議題'): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    await say(app, who, `/propose ${title} ${i + 1}`);
    ids.push(count(app, 'issues'));
  }
  return ids;
}

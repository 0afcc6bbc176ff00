import type { TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import type { Actor, Span } from '../../src/core/types';
import { actor, caseApp, postedAt, say } from '../cases/helpers';

// A reminder mentions a linked person on the platform of the chat it is posted in (issue 30, item 3).
let app: TestApp;
let scheduler: Scheduler;
const carolSlack: Actor = actor('UCAROL', 'slack');

beforeEach(async () => {
  app = caseApp();
  scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  await say(app, 'carol', 'hello');
  await say(app, carolSlack, 'hi', 'slack:C1');
});
afterEach(() => app.cleanup());

const mentions = (): Span[] => app.delivery.posts.at(-1)!.message.text.filter((s) => typeof s === 'object' && 'mention' in s);

test("an item's owner is mentioned by their account on the reminder's platform once the accounts are linked", async () => {
  await say(app, 'pdis', '/action @carol 聯繫提案人 due 12/3');
  app.db.$client.prepare("update action_items set chat = 'slack:C1'").run();
  await postedAt(app, scheduler, '2026-12-03T01:00:00Z');
  // Not linked: carol has no Slack account the bot knows of, so no one is pinged in Slack.
  expect(mentions()).toEqual([]);
  const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec((await say(app, 'carol', '/link')).text)![1]!;
  const linked = await app.bot.dispatch({ kind: 'command', name: 'link', args: code, actor: carolSlack, chat: 'slack:DCAROL', direct: true });
  expect(linked?.private).toBe(true);
  await say(app, 'pdis', '/action @carol 回覆提案人 due 12/4');
  app.db.$client.prepare("update action_items set chat = 'slack:C1'").run();
  await postedAt(app, scheduler, '2026-12-04T01:00:00Z');
  expect(mentions()).toEqual([{ mention: { platform: 'slack', id: 'UCAROL', name: 'UCAROL' } }]);
});

import type { TestApp } from '../support/app';
import { caseApp, postTexts, say } from '../cases/helpers';

// Issue #25, items 5 and 6: a motion marked discussed stays on its meeting's agenda and in its
// minutes, marked 已討論; a follow-up released during a recorded meeting is a 解除列管 line of
// its minutes, and whoever released it attended.

let app: TestApp;
afterEach(() => app?.cleanup());
const MAR27 = new Date('2026-03-27T14:00:00+08:00');

async function file(kind: 'md' | 'xml', meeting = ''): Promise<string> {
  const answer = await app.bot.dispatch({ kind: 'command', name: 'minutes', args: `${meeting} ${kind}`.trim(), actor: { platform: 'console', id: 'pdis', name: 'pdis' }, chat: 'console:main' });
  return answer!.message.file!.content;
}

test('/agenda done N marks the motion 已討論 and keeps it on the agenda', async () => {
  app = caseApp({}, { start: MAR27 });
  const added = (await say(app, 'pdis', '/meeting add 臨時協調 3/27 15:00')).text;
  const id = /#(\d+)/.exec(added)![1];
  await say(app, 'amy', `/agenda add #${id} 討論公車`);
  await say(app, 'bob', `/agenda add #${id} 討論長照`);
  expect((await say(app, 'pdis', '/agenda done 1')).text).toContain('已將臨時動議 #1 標記為已討論');
  const agenda = (await say(app, 'pdis', `/agenda ${id}`)).text;
  expect(agenda).toContain('〔#1〕討論公車');
  expect(agenda).toMatch(/〔#1〕討論公車.*（已討論）/);
  expect(agenda).toContain('〔#2〕討論長照');
  expect(agenda).not.toMatch(/〔#2〕討論長照.*（已討論）/);
  // Done twice is refused; a removed motion is gone.
  expect((await say(app, 'pdis', '/agenda done 1')).text).toContain('#1');
  await say(app, 'bob', '/agenda remove 2');
  expect((await say(app, 'pdis', `/agenda ${id}`)).text).not.toContain('討論長照');
});

test('a motion discussed while its meeting is recorded is in the minutes', async () => {
  app = caseApp({}, { start: MAR27 });
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'amy', '/agenda add 討論公車');
  await say(app, 'pdis', '/agenda done 1');
  await say(app, 'pdis', '/endmeeting');
  expect(await file('md')).toContain('臨時動議 \\#1 已討論：討論公車');
});

test('a /done during a recorded meeting is a 解除列管 line and its author attended', async () => {
  app = caseApp({}, { start: MAR27 });
  await say(app, 'amy', '/iam 交通部');
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/action 交通部 盤點 截止 4/3');
  await say(app, 'amy', '/done 1 已完成');
  await say(app, 'pdis', '/endmeeting');
  const summary = postTexts(app).at(-1)!;
  expect(summary).toContain('交通部：#1 盤點（期限 2026年4月3日（五））（解除列管）');
  expect(summary).toMatch(/出席（2）：.*amy（交通部）/);
  const md = await file('md');
  expect(md).toContain('解除列管 \\#1（交通部）：已完成');
  expect(await file('xml')).toContain('解除列管 #1（交通部）：已完成');
});

test('an earlier meeting\'s item released in this one is listed as released in its summary', async () => {
  app = caseApp({}, { start: MAR27 });
  await say(app, 'pdis', '/action 交通部 盤點 截止 4/3');
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/done 1');
  await say(app, 'pdis', '/endmeeting');
  const summary = postTexts(app).at(-1)!;
  expect(summary).toContain('本次解除列管（1）：\n#1 盤點');
});

// SayIt's Akoma Ntoso importer creates one speaker per TLCPerson href and files each speech under
// the href of the TLCPerson its `by` points to. This reads the export the same way.
import type { TestApp } from '../support/app';
import type { Actor } from '../../src/core/types';
import { caseApp, say } from './helpers';
import { importAsSayIt } from '../support/sayit-import';

let app: TestApp;
afterEach(() => app.cleanup());

test('two people with one display name stay two speakers; a renamed person stays one, shown by their current name', async () => {
  app = caseApp({ facilitators: ['console:pdis'] });
  const chair: Actor = { platform: 'console', id: 'pdis', name: '主持人' };
  const lin1: Actor = { platform: 'console', id: 'lin-a', name: '林 小明 (交通部)' };
  const lin2: Actor = { platform: 'console', id: 'lin-b', name: '林 小明 (交通部)' };
  const amy: Actor = { platform: 'console', id: 'amy', name: 'Amy' };
  await say(app, chair, '/startmeeting 月會');
  await say(app, lin1, '我是第一位林小明');
  await say(app, lin2, '我是第二位林小明');
  await say(app, amy, '改名前');
  await say(app, { ...amy, name: 'Amy Chen（國發會）' }, '改名後');
  await say(app, chair, '/endmeeting');
  const xml = (await say(app, chair, '/minutes 1 xml')).answer!.message.file!.content;

  const speakers = importAsSayIt(xml);
  const of = (text: string) => [...speakers.entries()].find(([, s]) => s.speeches.includes(text))!;
  expect(of('我是第一位林小明')[0]).not.toBe(of('我是第二位林小明')[0]);
  expect(of('我是第一位林小明')[1].name).toBe('林 小明 (交通部)');
  expect(of('我是第二位林小明')[1].name).toBe('林 小明 (交通部)');
  expect(of('改名前')[0]).toBe(of('改名後')[0]);
  expect(of('改名前')[1]).toEqual({ name: 'Amy Chen（國發會）', speeches: ['改名前', '改名後'] });
  // The href is the person's stable platform id, not a name.
  expect(of('改名前')[0]).toBe('/ontology/person/console/amy');
  expect(of('我是第二位林小明')[0]).toBe('/ontology/person/console/lin-b');
  expect(speakers.size).toBe(3);
});

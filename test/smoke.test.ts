import { testApp } from './support/app';
import { richToPlain } from '../src/core/types';

test('propose posts an issue card', async () => {
  const app = testApp();
  try {
    const answer = await app.bot.dispatch({ kind: 'command', name: 'propose', args: '測試議題 #交通部', actor: { platform: 'console', id: 'amy', name: 'amy' }, chat: 'console:main' });
    expect(answer).toBeUndefined();
    expect(richToPlain(app.delivery.posts[0]!.message.text)).toContain('議題 #1：測試議題');
  } finally {
    app.cleanup();
  }
});

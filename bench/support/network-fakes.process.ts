import { FakeSlack } from '../../test/support/slack/fake-slack';
import { FakeBotApi } from '../../test/telegram/support/fake-bot-api';

// The network bench's far sides: Slack's Web API and Telegram's Bot API in a process of their
// own, as fakes.process.ts, and asked for the edits each card got: 'edits' → { slack: {ts: n},
// telegram: {message_id: n} }.
const slack = new FakeSlack();
const telegram = new FakeBotApi();
void Promise.all([slack.start(), telegram.start()]).then(() => process.send!({ slackApiUrl: slack.apiUrl, telegramApiRoot: telegram.apiRoot, respondUrl: slack.responseUrl('bench') }));
process.on('message', (m) => {
  if (m === 'edits') {
    const count = (calls: { params?: Record<string, unknown>; body?: Record<string, unknown> }[], key: string) => {
      const out: Record<string, number> = {};
      for (const c of calls) {
        const k = String((c.params ?? c.body ?? {})[key]);
        out[k] = (out[k] ?? 0) + 1;
      }
      return out;
    };
    process.send!({ slack: count(slack.callsTo('chat.update') as never, 'ts'), telegram: count(telegram.callsTo('editMessageText') as never, 'message_id') });
  }
  if (m === 'stop') void Promise.all([slack.stop(), telegram.stop()]).then(() => process.exit(0));
});

import { FakeSlack } from '../../test/support/slack/fake-slack';
import { FakeBotApi } from '../../test/telegram/support/fake-bot-api';

// Slack's Web API and Telegram's Bot API as fakes in a process of their own (their memory is
// not the bot's). Sends { slackApiUrl, telegramApiRoot } once listening; 'stop' → exits.
const slack = new FakeSlack();
const telegram = new FakeBotApi();
void Promise.all([slack.start(), telegram.start()]).then(() => process.send!({ slackApiUrl: slack.apiUrl, telegramApiRoot: telegram.apiRoot }));
process.on('message', (m) => {
  if (m === 'stop') void Promise.all([slack.stop(), telegram.stop()]).then(() => process.exit(0));
});

import { FakeBotApi } from '../../test/telegram/support/fake-bot-api';

// The fake Bot API in its own process: Telegram's servers are not our process's CPU budget.
// Messages: 'stats' → { sends, edits }; 'stop' → exits.
const api = new FakeBotApi();
void api.start().then(() => process.send!({ apiRoot: api.apiRoot }));
process.on('message', (m) => {
  if (m === 'stats') process.send!({ sends: api.callsTo('sendMessage').length, edits: api.callsTo('editMessageText').length });
  if (m === 'stop') void api.stop().then(() => process.exit(0));
});

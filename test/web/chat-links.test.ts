import { caseApp, postTexts, say } from '../cases/helpers';
import { actor } from '../cases/helpers';

test('with web.baseUrl set, chat answers link to the pages: cards, /case N, minutes, /meeting N', async () => {
  const app = caseApp({ web: { baseUrl: 'https://po.example.tw/' } });
  try {
    await say(app, 'amy', '/propose 公務人員組工會');
    expect(app.delivery.lastText()).toContain('🔗 網頁：https://po.example.tw/issues/1');
    await say(app, 'pdis', '/select 1');
    expect((await say(app, 'amy', '/case 1')).text).toContain('https://po.example.tw/cases/1');
    await say(app, 'pdis', '/startmeeting 協作會議');
    await say(app, 'pdis', '/endmeeting');
    expect(postTexts(app).find((x) => x.includes('會議紀錄檔'))).toContain('https://po.example.tw/meetings/1');
    expect((await say(app, 'amy', '/minutes 1')).text).toContain('https://po.example.tw/meetings/1');
    expect((await say(app, 'amy', '/meeting 1')).text).toContain('https://po.example.tw/meetings/1');
  } finally {
    app.cleanup();
  }
});

test('without a base URL, chat answers carry no links and /web says the pages are not served', async () => {
  const app = caseApp();
  try {
    await say(app, 'amy', '/propose 公務人員組工會');
    expect(app.delivery.lastText()).not.toContain('http');
    const said = await say(app, 'amy', '/web');
    expect(said.private).toBe(true);
    expect(said.text).toBe('網頁版未啟用：請管理者設定 PORT（以及對外網址 web.baseUrl 或 PUBLIC_URL）。');
  } finally {
    app.cleanup();
  }
});

test('in a Telegram group /web gives no link (the answer would be seen by all); in the private chat it does', async () => {
  const app = caseApp({}, { web: { baseUrl: () => 'https://po.example.tw' } });
  try {
    const tg = actor('42', 'telegram');
    const group = await say(app, tg, '/web', 'telegram:-100123');
    expect(group.text).not.toContain('https://');
    expect(group.text).toContain('請私訊機器人 /web');
    const direct = await say(app, tg, '/web', 'telegram:42');
    expect(direct.private).toBe(true);
    expect(direct.text).toMatch(/https:\/\/po\.example\.tw\/signin\?t=\d+\.\d+\.\d+\.[\w-]{43}/);
  } finally {
    app.cleanup();
  }
});

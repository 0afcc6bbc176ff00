import { PassThrough } from 'node:stream';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleAdapter } from '../../src/adapters/console/console.adapter';
import { caseApp } from './helpers';

test('the console writes a file the bot sends to the export folder and prints its path', async () => {
  const app = caseApp();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d) => (printed += String(d)));
  const exportDir = join(app.dir, 'exports');
  const adapter = new ConsoleAdapter({ input, output, json: false, locale: 'zh-TW', exportDir });
  app.bot.setDelivery(adapter);
  try {
    await adapter.start((e) => app.bot.dispatch(e));
    input.end(['pdis: /startmeeting 測試', 'alice: 你好 <b>x</b> & 🎉', 'pdis: /endmeeting', 'pdis: /minutes 1 xml', 'pdis: /export ../../etc/passwd', 'pdis: /export cases json'].join('\n') + '\n');
    await adapter.finished;
    const path = join(exportDir, 'minutes-1-20261201.an.xml');
    expect(printed).toContain(`📎 檔案已存到 ${path}\n`);
    expect(readFileSync(path, 'utf8')).toContain('<p>你好 &lt;b&gt;x&lt;/b&gt; &amp; 🎉</p>');
    expect(printed).toContain('用法：/export');
    expect(JSON.parse(readFileSync(join(exportDir, 'cases-20261201.json'), 'utf8'))).toEqual([]);
    expect(existsSync(join(app.dir, 'etc'))).toBe(false);
  } finally {
    app.cleanup();
  }
});

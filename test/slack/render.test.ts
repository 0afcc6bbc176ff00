import { actionFromId, escapeMrkdwn, renderSlackMessages, toMrkdwn } from '../../src/adapters/slack/render';
import type { OutboundMessage } from '../../src/core/types';

const renderSlack = (m: OutboundMessage, locale: 'zh-TW' | 'en') => renderSlackMessages(m, locale)[0]!;
import { commandText } from '../../src/adapters/slack/parse';

describe('escapeMrkdwn', () => {
  test.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here|here>', '&lt;!here|here&gt;'],
    ['<!subteam^S0123|@team>', '&lt;!subteam^S0123|@team&gt;'],
    ['<@U123ABC>', '&lt;@U123ABC&gt;'],
    ['<#C123|general>', '&lt;#C123|general&gt;'],
    ['<https://evil.example|join.gov.tw>', '&lt;https://evil.example|join.gov.tw&gt;'],
    ['a &amp; b', 'a &amp;amp; b'],
    ['@channel @here @everyone ＠all', '@\u200Bchannel @\u200Bhere @\u200Beveryone ＠\u200Ball'],
    ['mail@channel.tw', 'mail@\u200Bchannel.tw'],
    ['普通文字 *粗體* _斜體_', '普通文字 *粗體* _斜體_'],
  ])('%s', (input, expected) => {
    const out = escapeMrkdwn(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/[<>]/);
  });
});

describe('toMrkdwn', () => {
  test('only the core decides formatting; user strings stay inert', () => {
    expect(toMrkdwn([{ bold: '議題 #1：' }, '<b>x</b>'])).toBe('*議題 #1：*&lt;b&gt;x&lt;/b&gt;');
    expect(toMrkdwn([{ code: '/vote `1`' }])).toBe('`/vote ˋ1ˋ`');
  });

  test('links: only http(s), and the URL cannot close the link early', () => {
    expect(toMrkdwn([{ link: 'https://join.gov.tw/idea/1', text: 'https://join.gov.tw/idea/1' }])).toBe('<https://join.gov.tw/idea/1>');
    expect(toMrkdwn([{ link: 'https://x.tw/a|b>c', text: 'label <!here>' }])).toBe('<https://x.tw/a%7Cb%3Ec|label &lt;!here&gt;>');
    expect(toMrkdwn([{ link: 'javascript:alert(1)', text: 'click' }])).toBe('click');
  });

  test('a mention pings only a well-formed Slack user id', () => {
    expect(toMrkdwn([{ mention: { platform: 'slack', id: 'U0AMY', name: 'amy' } }])).toBe('<@U0AMY>');
    expect(toMrkdwn([{ mention: { platform: 'slack', id: '!channel', name: 'channel' } }])).toBe('@\u200Bchannel');
    expect(toMrkdwn([{ mention: { platform: 'telegram', id: '42', name: '<!here>' } }])).toBe('@&lt;!here&gt;');
  });
});

describe('renderSlack', () => {
  test('sections are verbatim mrkdwn; buttons become an actions block; the fallback is escaped', () => {
    const m = renderSlack({ text: [{ bold: 'T' }, ' a<b'], buttons: [{ action: 'vote', value: '3', label: '👍 +1' }] }, 'zh-TW');
    expect(m.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*T* a&lt;b', verbatim: true } });
    expect(m.blocks[1]).toEqual({ type: 'actions', elements: [{ type: 'button', action_id: 'po:vote:0', value: '3', text: { type: 'plain_text', text: '👍 +1', emoji: true } }] });
    expect(m.text).toBe('T a&lt;b');
    expect(actionFromId('po:vote:0')).toBe('vote');
    expect(actionFromId('other:vote:0')).toBeUndefined();
  });

  test('long text is split into sections within Slack limits, never inside an entity', () => {
    const line = '&'.repeat(1000); // 5,000 characters once escaped
    const m = renderSlack({ text: [line, '\n', 'x'.repeat(2990), '\n', 'end'] }, 'zh-TW');
    const texts = m.blocks.map((b) => (b as { text: { text: string } }).text.text);
    expect(texts.every((t) => t.length <= 3000)).toBe(true);
    expect(texts.join('').replace(/\n/g, '')).toBe('&amp;'.repeat(1000) + 'x'.repeat(2990) + 'end');
    for (const t of texts) expect(t).toMatch(/^(&amp;)*[^&]*$/);
    expect(m.text.length).toBeLessThanOrEqual(3000);
  });

  test('an attachment is shown inline, escaped, all of it in as many sections as it takes', () => {
    const m = renderSlack({ text: ['議程'], file: { filename: 'agenda.txt', mime: 'text/plain', content: '<!channel>\n' + 'x'.repeat(3000) } }, 'zh-TW');
    const json = JSON.stringify(m.blocks);
    expect(json).toContain('附件：agenda.txt');
    expect(json).toContain('```' + 'x'.repeat(2994) + '```');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('<!channel>');
  });
});

describe('commandText', () => {
  test("Slack's markup is unwrapped to what was typed; broadcasts stay visible to the core's check", () => {
    expect(commandText('看 <https://join.gov.tw/idea/1|join.gov.tw/idea/1> 與 <#C01|交通部>')).toBe('看 https://join.gov.tw/idea/1 與 #交通部');
    expect(commandText('問 <@U0AMY|amy> 1 &lt; 2 &amp;&amp; 3 &gt; 2')).toBe('問 @amy 1 < 2 && 3 > 2');
    expect(commandText('<!here> 注意')).toBe('<!here> 注意');
    expect(commandText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });
});

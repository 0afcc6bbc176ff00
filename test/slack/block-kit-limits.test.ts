// The failures issue 15 found with Slack's own Block Kit models, as tests.
import { renderSlackCard, renderSlackMessages, type SlackMessage } from '../../src/adapters/slack/render';
import type { Button, OutboundMessage } from '../../src/core/types';
import { blockKitProblems, wellFormed } from '../support/slack/block-kit';
import { slackHarness } from './support/harness';

type SectionLike = { type: string; text?: { text: string }; elements?: { text: { text: string } | string; value?: string }[] };

function sections(msgs: readonly { blocks: readonly unknown[] }[]): string[] {
  return msgs.flatMap((m) => (m.blocks as SectionLike[]).filter((b) => b.type === 'section').map((b) => b.text!.text));
}

function buttonsOf(msgs: readonly { blocks: readonly unknown[] }[]): { label: string; value: string }[] {
  return msgs.flatMap((m) =>
    (m.blocks as SectionLike[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!.map((e) => ({ label: (e.text as { text: string }).text, value: e.value! }))),
  );
}

function render(m: OutboundMessage): SlackMessage[] {
  const msgs = renderSlackMessages(m, 'zh-TW');
  for (const msg of msgs) expect(blockKitProblems(msg)).toEqual([]);
  return msgs;
}

describe('Block Kit limits are measured after escaping', () => {
  test('an attachment shown inline (a private /minutes N xml) stays within 3,000 per section, and all of it is shown', () => {
    // Markup-heavy XML: every `<` becomes four characters once escaped.
    const xml = Array.from({ length: 30 }, (_, i) => `<speech by="#p${i}"><p>第 ${i} 段 &amp; <b>內容</b> ${'〈〉<>&'.repeat(20)}</p></speech>`).join('\n');
    const msgs = render({ text: ['會議紀錄'], file: { filename: 'minutes.an.xml', mime: 'application/xml', content: xml } });
    const shown = sections(msgs).join('\n');
    for (const line of xml.split('\n')) expect(shown).toContain(line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });
});

describe('cuts never split a character', () => {
  test("an emoji at the 3,000th unit stays whole ('a' × 2,999 + 🎉)", () => {
    const msgs = render({ text: ['a'.repeat(2999) + '🎉'.repeat(10)] });
    const s = sections(msgs);
    expect(s.length).toBe(2);
    expect(s.every(wellFormed)).toBe(true);
    expect(s.join('')).toBe('a'.repeat(2999) + '🎉'.repeat(10));
  });

  test('ZWJ sequences, flags and skin tones are not split either', () => {
    for (const g of ['👨‍👩‍👧‍👦', '🇹🇼', '👍🏽', 'é']) {
      const msgs = render({ text: ['a'.repeat(2998) + g.repeat(5)] });
      const [first, second] = sections(msgs);
      expect(first!.endsWith('a') || first!.endsWith(g)).toBe(true);
      expect(second!.startsWith(g)).toBe(true);
    }
  });

  test("a button label 'x' × 73 + 👍👍 is cut before the emoji, not inside it", () => {
    const [msg] = render({ text: ['t'], buttons: [{ action: 'vote', value: '1', label: 'x'.repeat(73) + '👍👍' }] });
    const [b] = buttonsOf([msg!]);
    expect(b!.label).toBe('x'.repeat(73) + '…');
  });
});

describe('nothing is dropped past 50 blocks', () => {
  test('60 sections of text and a button: every line and the button arrive, in follow-up messages', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i}:` + 'y'.repeat(2990));
    const msgs = render({ text: [lines.join('\n')], buttons: [{ action: 'vote', value: '7', label: '👍 +1' }] });
    // Three such sections fill a message's total text (11,000): 20 messages.
    expect(msgs.length).toBe(20);
    const all = sections(msgs);
    for (const l of lines) expect(all).toContain(l);
    expect(buttonsOf(msgs)).toEqual([{ label: '👍 +1', value: '7' }]);
    // The buttons come after the text they belong to.
    expect(msgs.at(-1)!.blocks.at(-1)!.type).toBe('actions');
  });

  test('1,300 short buttons (52 actions blocks, little text) split by the block count', () => {
    const buttons: Button[] = Array.from({ length: 1300 }, (_, i) => ({ action: 'pick', value: String(i), label: String(i) }));
    const msgs = render({ text: ['選一個'], buttons });
    expect(msgs.map((m) => m.blocks.length)).toEqual([50, 3]);
    expect(buttonsOf(msgs).map((b) => b.value)).toEqual(buttons.map((b) => b.value));
  });

  test('30 buttons: all 30 are sent, in actions blocks of at most 25', () => {
    const buttons: Button[] = Array.from({ length: 30 }, (_, i) => ({ action: 'pick', value: String(i), label: `選項 ${i}` }));
    const msgs = render({ text: ['選一個'], buttons });
    expect(buttonsOf(msgs).map((b) => b.value)).toEqual(buttons.map((b) => b.value));
  });

  test('a card edited in place stays one message and keeps its buttons', () => {
    const m = { text: [Array.from({ length: 60 }, () => 'z'.repeat(2990)).join('\n')], buttons: [{ action: 'vote', value: '7', label: '👍 +1' }] };
    const card = renderSlackCard(m, 'zh-TW');
    expect(blockKitProblems(card)).toEqual([]);
    expect(buttonsOf([card])).toEqual([{ label: '👍 +1', value: '7' }]);
    expect(JSON.stringify(card.blocks)).toContain('卡片內容超過 Slack 單則訊息的上限');
  });
});

describe('cuts never split a link, a bold span or an entity', () => {
  test('a link across the 3,000 mark moves whole to the next section', () => {
    const url = 'https://example.org/' + 'p'.repeat(100);
    const msgs = render({ text: ['a'.repeat(2950), { link: url, text: '連結文字'.repeat(10) }, 'tail'] });
    const s = sections(msgs);
    expect(s[0]).toBe('a'.repeat(2950));
    expect(s[1]).toBe(`<${url}|${'連結文字'.repeat(10)}>tail`);
  });

  test('a bold span across the mark is closed and reopened', () => {
    const msgs = render({ text: ['a'.repeat(2990), { bold: '粗體標題文字很長很長' }] });
    const s = sections(msgs);
    expect(s[0]).toMatch(/^a+\*粗[^*]*\*$/);
    expect(s[1]).toMatch(/^\*[^*]+\*$/);
    expect(s.join('').replace(/\*/g, '')).toBe('a'.repeat(2990) + '粗體標題文字很長很長');
  });

  test("a user's *粗* inside a bold title cannot end the bold early", () => {
    const [msg] = render({ text: [{ bold: '議題 *粗* 標題' }] });
    expect(sections([msg!])[0]).toBe('*議題 ∗粗∗ 標題*');
  });

  test('the fallback is cut between entities (no `zzz&…`)', () => {
    const [msg] = render({ text: ['z'.repeat(2997) + '&&&&'] });
    expect(msg!.text.length).toBeLessThanOrEqual(3000);
    expect(msg!.text).toMatch(/^z+\n?(&amp;)*…$/);
  });
});

describe('through the real adapter and Web API client', () => {

  test('a post over 50 blocks goes out as follow-up messages in order; the ref is the first; a card update stays one message', async () => {
    const h = await slackHarness();
    try {
      const lines = Array.from({ length: 60 }, (_, i) => `${i}:` + 'y'.repeat(2990));
      const m = { text: [lines.join('\n')], buttons: [{ action: 'vote', value: '7', label: '👍 +1' }] };
      const ref = await h.adapter.post('slack:C1', m);
      const posts = [...h.fake.messages.values()];
      expect(posts).toHaveLength(20);
      for (const p of posts) expect(blockKitProblems(p)).toEqual([]);
      expect(ref).toBe(`slack:C1#${posts[0]!.ts}`);
      const sent = sections(posts);
      for (const l of lines) expect(sent).toContain(l);
      expect(buttonsOf(posts)).toEqual([{ label: '👍 +1', value: '7' }]);
      await h.adapter.update(ref, m);
      await h.settled();
      const [update] = h.fake.callsTo('chat.update');
      const blocks = update!.params.blocks;
      expect(blockKitProblems({ text: String(update!.params.text), blocks: (typeof blocks === 'string' ? JSON.parse(blocks) : blocks) as unknown[] })).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

import fc from 'fast-check';
import { renderSlackCard, renderSlackMessages, toMrkdwn, type SlackMessage } from '../../src/adapters/slack/render';
import { escapeMrkdwn } from '../../src/adapters/slack/mrkdwn';
import { richToPlain } from '../../src/core/types';
import { blockKitProblems } from '../support/slack/block-kit';
import { buttons, fragment, richText, SIZES } from './arbitraries';
import { expectLinesInOrder, noClusterSplit } from './graphemes';

type Block = { type: string; text?: { text: string }; elements?: { text: { text: string }; value: string }[] };

function sectionTexts(msgs: SlackMessage[]): string[] {
  return msgs.flatMap((m) => (m.blocks as Block[]).filter((b) => b.type === 'section').map((b) => b.text!.text));
}

/** What survives any packing: no line breaks, no span markers, no whitespace-only pieces. */
function normal(s: string): string {
  return s.replace(/[\s*`]/g, '');
}

describe('every Slack payload is one Slack accepts, and nothing is lost', () => {
  test.each(SIZES)('renderSlackMessages (up to $max characters): Block Kit limits, well-formed UTF-16, every line and button present, in order', ({ max, numRuns }) => {
    fc.assert(
      fc.property(richText(max), buttons, (text, bs) => {
        const msgs = renderSlackMessages({ text, buttons: bs }, 'zh-TW');
        for (const m of msgs) expect(blockKitProblems(m)).toEqual([]);
        const sections = sectionTexts(msgs);
        expect(normal(sections.join(''))).toBe(normal(toMrkdwn(text)));
        noClusterSplit(sections);
        // Every input line, escaped, is somewhere in the output.
        const all = normal(sections.join(''));
        expectLinesInOrder(all, toMrkdwn(text).split('\n').map(normal));
        const sent = msgs.flatMap((m) => (m.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!));
        expect(sent.length).toBe(bs.length);
        sent.forEach((e, i) => expect(bs[i]!.value.startsWith(e.value)).toBe(true));
      }),
      { numRuns },
    );
  });

  test('an attachment shown inline: limits kept and every line of it present', () => {
    fc.assert(
      fc.property(richText(5000), richText(), (text, content) => {
        const file = richToPlain(content);
        const msgs = renderSlackMessages({ text, file: { filename: 'minutes.an.xml', mime: 'application/xml', content: file } }, 'en');
        for (const m of msgs) expect(blockKitProblems(m)).toEqual([]);
        const shown = normal(sectionTexts(msgs).join(''));
        expectLinesInOrder(shown, escapeMrkdwn(file).replace(/```/g, 'ˋˋˋ').split('\n').map(normal));
      }),
      { numRuns: 3 },
    );
  });

  test('renderSlackCard (chat.update): one message within limits that keeps every button', () => {
    fc.assert(
      fc.property(richText(), buttons, (text, bs) => {
        const card = renderSlackCard({ text, buttons: bs }, 'zh-TW');
        expect(blockKitProblems(card)).toEqual([]);
        const sent = (card.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
        expect(sent.length).toBe(bs.length);
      }),
      { numRuns: 3 },
    );
  });

  test('a button label of any content is 1–75 characters, cut between graphemes', () => {
    fc.assert(
      fc.property(fragment, fc.integer({ min: 1, max: 40 }), (label, times) => {
        const [m] = renderSlackMessages({ text: ['x'], buttons: [{ action: 'vote', value: '1', label: label.repeat(times) }] }, 'en');
        expect(blockKitProblems(m!)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

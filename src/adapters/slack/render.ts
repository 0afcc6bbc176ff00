import type { types } from '@slack/bolt';
import type { Button, OutboundMessage } from '../../core/types';
import { translator, type Locale } from '../../i18n/catalog';
import { cutText } from '../text/graphemes';
import { escapeMrkdwn, richUnits, textUnits, type Unit } from './mrkdwn';
import { packSections, type PackedText } from './sections';

export { escapeMrkdwn, toMrkdwn } from './mrkdwn';

type KnownBlock = types.KnownBlock;

/** What chat.postMessage / chat.update / respond() take: blocks plus the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Block Kit's documented limits (https://api.slack.com/reference/block-kit/blocks), all counted
 * on the text as sent, i.e. after escaping. The fallback `text` may be up to 40,000 characters;
 * it is a notification preview, so 3,000 is plenty.
 */
export const SLACK_LIMITS = {
  section: 3000,
  header: 150,
  blocks: 50,
  buttonsPerActions: 25,
  buttonLabel: 75,
  buttonValue: 2000,
  contextText: 3000,
  fallback: 3000,
  /**
   * All block text of one message together. Undocumented: Slack answers msg_blocks_too_long
   * somewhere between 12,000 and 13,300 characters depending on the blocks (slackapi/bolt-js
   * #2509, #2867), so a message is kept well under the lowest seen.
   */
  messageText: 11_000,
} as const;
export const ACTION_PREFIX = 'po:';
/** Two code fences around each piece of an attachment shown inline. */
const FENCE: { open: string; close: string } = { open: '```', close: '```' };
const FILENAME_MAX = 200;

/** A block with the plain text it stands for in the message's fallback. */
interface Laid {
  block: KnownBlock;
  plain: string;
}

function section(p: PackedText): Laid {
  // verbatim: Slack must not auto-link or parse mentions in what we already escaped.
  return { block: { type: 'section', text: { type: 'mrkdwn', text: p.md, verbatim: true } }, plain: p.plain };
}

function context(text: string): Laid {
  const md = escapeMrkdwn(cutText(text, 1000));
  return { block: { type: 'context', elements: [{ type: 'mrkdwn', text: md, verbatim: true }] }, plain: md };
}

/** Buttons in actions blocks of 25; action_id carries the index so two of one action stay apart. */
function actions(buttons: readonly Button[]): Laid[] {
  const out: Laid[] = [];
  for (let from = 0; from < buttons.length; from += SLACK_LIMITS.buttonsPerActions) {
    const elements = buttons.slice(from, from + SLACK_LIMITS.buttonsPerActions).map((b, k) => ({
      type: 'button' as const,
      action_id: `${ACTION_PREFIX}${b.action}:${from + k}`,
      // The core's values are record numbers; a longer one is cut between characters, never mid-pair.
      value: cutText(b.value, SLACK_LIMITS.buttonValue, ''),
      text: { type: 'plain_text' as const, text: cutText(b.label, SLACK_LIMITS.buttonLabel) || '·', emoji: true },
    }));
    out.push({ block: { type: 'actions', elements }, plain: escapeMrkdwn(elements.map((e) => e.text.text).join(' / ')) });
  }
  return out;
}

/** Escaped fallback text, cut between units so no entity or character is split. */
function fallback(laid: readonly Laid[]): string {
  // Button labels only when a follow-up message holds nothing but buttons.
  const texts = laid.filter((l) => l.block.type !== 'actions');
  const plain = (texts.length ? texts : laid).map((l) => l.plain).join('\n');
  if (plain.length <= SLACK_LIMITS.fallback) return plain.trim() ? plain : ' ';
  let out = '';
  for (const u of textUnits(plain)) {
    if (out.length + u.md.length > SLACK_LIMITS.fallback - 1) break;
    out += u.md;
  }
  return out + '…';
}

/** Every block a message needs, in reading order: text, attachment shown inline, buttons. */
function layout(m: OutboundMessage, locale: Locale): Laid[] {
  const t = translator(locale);
  const laid = packSections(richUnits(m.text), SLACK_LIMITS.section).map(section);
  if (m.file) {
    laid.push(context(t('slack.attachment', { filename: cutText(m.file.filename, FILENAME_MAX) })));
    // The whole content, in as many fenced sections as it takes: nothing of a file is left out.
    const units: Unit[] = textUnits(escapeMrkdwn(m.file.content).replace(/```/g, 'ˋˋˋ'), FENCE);
    laid.push(...packSections(units, SLACK_LIMITS.section).map(section));
  }
  if (m.buttons?.length) laid.push(...actions(m.buttons));
  if (!laid.length) laid.push(section({ md: ' ', plain: ' ' }));
  return laid;
}

/** The characters a block adds to the message's total, as Slack counts them (after escaping). */
function textLength(b: KnownBlock): number {
  if (b.type === 'section') return b.text?.text.length ?? 0;
  if (b.type === 'context') return b.elements.reduce((n, e) => n + ('text' in e && typeof e.text === 'string' ? e.text.length : 0), 0);
  if (b.type === 'actions') return b.elements.reduce((n, e) => n + ('text' in e && e.text && typeof e.text === 'object' ? e.text.text.length : 0), 0);
  return 0;
}

function message(laid: readonly Laid[]): SlackMessage {
  return { text: fallback(laid), blocks: laid.map((l) => l.block) };
}

/**
 * A core message as Block Kit, in as many messages as Slack's limits require (the first is the
 * one a card's reactions and updates refer to): escaped mrkdwn sections, an attachment shown
 * inline where it cannot be uploaded, the buttons as actions blocks after the text.
 */
export function renderSlackMessages(m: OutboundMessage, locale: Locale): SlackMessage[] {
  const out: SlackMessage[] = [];
  let current: Laid[] = [];
  let total = 0;
  for (const l of layout(m, locale)) {
    const n = textLength(l.block);
    // A new message when this block would pass either the block count or the total text.
    if (current.length && (current.length >= SLACK_LIMITS.blocks || total + n > SLACK_LIMITS.messageText)) {
      out.push(message(current));
      [current, total] = [[], 0];
    }
    current.push(l);
    total += n;
  }
  if (current.length) out.push(message(current));
  return out;
}

/**
 * One message, for chat.update of a card that is edited in place (follow-ups cannot be edited
 * with it). Buttons are always kept; text beyond what fits is replaced by a note saying so.
 */
export function renderSlackCard(m: OutboundMessage, locale: Locale): SlackMessage {
  const laid = layout(m, locale);
  const length = (ls: readonly Laid[]) => ls.reduce((n, l) => n + textLength(l.block), 0);
  if (laid.length <= SLACK_LIMITS.blocks && length(laid) <= SLACK_LIMITS.messageText) return message(laid);
  const buttons = laid.filter((l) => l.block.type === 'actions');
  const note = context(translator(locale)('slack.cardTrimmed'));
  const text: Laid[] = [];
  let budget = SLACK_LIMITS.messageText - length(buttons) - textLength(note.block);
  for (const l of laid.filter((x) => x.block.type !== 'actions')) {
    const n = textLength(l.block);
    if (text.length >= SLACK_LIMITS.blocks - buttons.length - 1 || n > budget) break;
    text.push(l);
    budget -= n;
  }
  return message([...text, note, ...buttons]);
}

/** The core action name from a Block Kit action_id made by the renderer, if it is one of ours. */
export function actionFromId(actionId: string): string | undefined {
  if (!actionId.startsWith(ACTION_PREFIX)) return undefined;
  const rest = actionId.slice(ACTION_PREFIX.length);
  const i = rest.lastIndexOf(':');
  return i > 0 ? rest.slice(0, i) : undefined;
}

/** The message without its attachment (which the adapter uploads as a file). */
export function renderTextMessages(m: OutboundMessage, locale: Locale): SlackMessage[] {
  return renderSlackMessages({ ...m, file: undefined }, locale);
}

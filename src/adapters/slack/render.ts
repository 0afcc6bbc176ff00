import type { types } from '@slack/bolt';
import { richToPlain, type OutboundMessage, type Span } from '../../core/types';
import { translator, type Locale } from '../../i18n/catalog';

type KnownBlock = types.KnownBlock;

/** What chat.postMessage / chat.update / respond() take: blocks plus the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

// Slack's documented limits: section text 3,000 characters, 50 blocks, button label 75,
// button value 2,000, 25 elements per actions block.
const SECTION_MAX = 3000;
const BLOCKS_MAX = 50;
const FALLBACK_MAX = 3000;
const FILE_PREVIEW_MAX = 2500;
export const ACTION_PREFIX = 'po:';

/**
 * Escapes text for Slack mrkdwn: `&`, `<`, `>` become entities so nothing a user typed can
 * form `<!channel>`, `<!subteam^…>`, `<@U…>` or a link; the bare words Slack may still turn
 * into pings (`@channel`, `@here`, `@everyone`) get a zero-width space after the `@`.
 */
export function escapeMrkdwn(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([@＠])(channel|here|everyone|all)\b/gi, '$1\u200B$2');
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  // Inside <url|label> a `|`, `<` or `>` would end the link early: percent-encode them.
  return url.replace(/[|<>]/g, (c) => encodeURIComponent(c));
}

function spanToMrkdwn(s: Span): string {
  if (typeof s === 'string') return escapeMrkdwn(s);
  if ('bold' in s) return s.bold.trim() ? `*${escapeMrkdwn(s.bold)}*` : escapeMrkdwn(s.bold);
  if ('code' in s) return s.code ? '`' + escapeMrkdwn(s.code).replace(/`/g, 'ˋ') + '`' : '';
  if ('link' in s) {
    const url = safeUrl(s.link);
    if (!url) return escapeMrkdwn(s.text);
    return s.text === s.link ? `<${url}>` : `<${url}|${escapeMrkdwn(s.text)}>`;
  }
  // Only the core creates mention spans; still, only a well-formed Slack id becomes a ping.
  const m = s.mention;
  return m.platform === 'slack' && SLACK_USER_ID.test(m.id) ? `<@${m.id}>` : escapeMrkdwn('@' + m.name);
}

export function toMrkdwn(text: readonly Span[]): string {
  return text.map(spanToMrkdwn).join('');
}

/** Splits at line ends into pieces Slack accepts, never inside an `&…;` entity. */
function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  const push = () => {
    if (current) out.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? current + '\n' + line : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    push();
    let rest = line;
    while (rest.length > max) {
      let cut = max;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 6 && rest.indexOf(';', amp) >= cut) cut = amp;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  push();
  return out;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

function section(text: string): KnownBlock {
  // verbatim: Slack must not auto-link or parse mentions in what we already escaped.
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

/**
 * A core message as Block Kit: escaped mrkdwn sections, the buttons as an actions block, and a
 * plain-text fallback that is escaped too because Slack reads it as mrkdwn in notifications.
 * An attachment is shown inline here, where it cannot be uploaded (an answer only the caller
 * sees, a failed upload); the adapter uploads it as a file everywhere else.
 */
export function renderSlack(m: OutboundMessage, locale: Locale): SlackMessage {
  const t = translator(locale);
  const blocks: KnownBlock[] = chunk(toMrkdwn(m.text), SECTION_MAX).map(section);
  let fallback = richToPlain(m.text);
  if (m.file) {
    const preview = m.file.content.length > FILE_PREVIEW_MAX ? m.file.content.slice(0, FILE_PREVIEW_MAX) : m.file.content;
    const cut = preview.length < m.file.content.length;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t(cut ? 'slack.attachmentTruncated' : 'slack.attachment', { filename: m.file.filename })), verbatim: true }],
    });
    blocks.push(section('```' + escapeMrkdwn(preview).replace(/```/g, 'ˋˋˋ') + '```'));
    fallback += '\n' + t('slack.attachment', { filename: m.file.filename });
  }
  if (m.buttons?.length) {
    blocks.push({
      type: 'actions',
      elements: m.buttons.slice(0, 25).map((b, i) => ({
        type: 'button' as const,
        // action_id must be unique in the message; the index keeps two buttons of one action apart.
        action_id: `${ACTION_PREFIX}${b.action}:${i}`,
        value: truncate(b.value, 2000),
        text: { type: 'plain_text' as const, text: truncate(b.label, 75), emoji: true },
      })),
    });
  }
  if (!blocks.length) blocks.push(section(' '));
  return { text: truncate(escapeMrkdwn(fallback), FALLBACK_MAX) || ' ', blocks: blocks.slice(0, BLOCKS_MAX) };
}

/** The core action name from a Block Kit action_id made by renderSlack, if it is one of ours. */
export function actionFromId(actionId: string): string | undefined {
  if (!actionId.startsWith(ACTION_PREFIX)) return undefined;
  const rest = actionId.slice(ACTION_PREFIX.length);
  const i = rest.lastIndexOf(':');
  return i > 0 ? rest.slice(0, i) : undefined;
}

/** The message without its attachment (which the adapter uploads as a file). */
export function renderText(m: OutboundMessage, locale: Locale): SlackMessage {
  return renderSlack({ ...m, file: undefined }, locale);
}

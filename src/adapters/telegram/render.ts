import type { Button, RichText } from '../../core/types';
import { richToPlain } from '../../core/types';
import { graphemeCut } from '../text/graphemes';

/**
 * Telegram's limit is 4,096 UTF-16 code units of text AFTER entity parsing (tags and
 * `&amp;` escapes do not count), so lengths here are measured on the visible text.
 */
export const TEXT_LIMIT = 4096;
/** answerCallbackQuery shows at most 200 characters. */
export const TOAST_LIMIT = 200;
/** callback_data is 1–64 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;
export const CALLBACK_SEPARATOR = ':';
const BUTTON_LABEL_MAX = 64;
const BUTTONS_PER_ROW = 3;
const EMPTY_TEXT = '…';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** For a double-quoted attribute value: quotes must not end the attribute early. */
export function escapeAttribute(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}

/** A run of visible text with the tags around it; the text is raw and escaped at output. */
interface Segment {
  open: string;
  close: string;
  text: string;
}

function safeHref(link: string): string | undefined {
  try {
    const u = new URL(link);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'tg:' ? link : undefined;
  } catch {
    return undefined;
  }
}

function segments(text: RichText): Segment[] {
  const out: Segment[] = [];
  for (const s of text) {
    let seg: Segment;
    if (typeof s === 'string') seg = { open: '', close: '', text: s };
    else if ('bold' in s) seg = { open: '<b>', close: '</b>', text: s.bold };
    else if ('code' in s) seg = { open: '<code>', close: '</code>', text: s.code };
    else if ('link' in s) {
      const href = safeHref(s.link);
      // A link we cannot vouch for (javascript:, garbage) is shown as text, never as a tag.
      seg = href
        ? { open: `<a href="${escapeAttribute(href)}">`, close: '</a>', text: s.text || s.link }
        : { open: '', close: '', text: richToPlain([s]) };
    } else {
      const m = s.mention;
      seg =
        m.platform === 'telegram' && /^\d{1,20}$/.test(m.id)
          ? { open: `<a href="tg://user?id=${m.id}">`, close: '</a>', text: m.name }
          : { open: '', close: '', text: `@${m.name}` };
    }
    if (seg.text) out.push(seg);
  }
  return out;
}

/** Moves a cut back so it never separates a character: a surrogate pair, a ZWJ emoji, a flag. */
function safeCut(plain: string, i: number): number {
  return graphemeCut(plain, i);
}

class Layout {
  readonly segs: Segment[];
  readonly plain: string;
  private readonly starts: number[] = [];

  constructor(text: RichText) {
    this.segs = segments(text);
    let at = 0;
    for (const s of this.segs) {
      this.starts.push(at);
      at += s.text.length;
    }
    this.plain = this.segs.map((s) => s.text).join('');
  }

  /** HTML for the visible range [from, to): tags are closed at the end and reopened after a cut. */
  html(from: number, to: number): string {
    let out = '';
    this.segs.forEach((s, i) => {
      const a = Math.max(from, this.starts[i]!);
      const b = Math.min(to, this.starts[i]! + s.text.length);
      if (a < b) out += s.open + escapeHtml(s.text.slice(a - this.starts[i]!, b - this.starts[i]!)) + s.close;
    });
    return out;
  }

  isBlank(from: number, to: number): boolean {
    return this.plain.slice(from, to).trim() === '';
  }

  /** Where a part starting at `from` should end: at a line break if one is in the second half. */
  partEnd(from: number, limit: number): number {
    if (this.plain.length - from <= limit) return this.plain.length;
    const max = safeCut(this.plain, from + limit);
    const floor = from + Math.floor(limit / 2);
    const nl = this.plain.lastIndexOf('\n', max - 1);
    if (nl >= floor) return nl + 1;
    for (let i = max - 1; i >= floor; i--) if (/\s/.test(this.plain[i]!)) return i + 1;
    // A limit too small for one character still moves forward by a whole one.
    if (max > from) return max;
    const next = graphemeCut(this.plain, from + 64);
    return next > from ? next : Math.min(this.plain.length, from + 64);
  }

  /** From `from` to the end, cut to fit `limit` with the note appended when something is left out. */
  trimmed(from: number, limit: number, note: string): string {
    if (this.plain.length - from <= limit) return this.html(from, this.plain.length);
    let end = safeCut(this.plain, from + Math.max(0, limit - note.length));
    while (end > from && /\s/.test(this.plain[end - 1]!)) end--;
    return this.html(from, end) + escapeHtml(note);
  }
}

export interface RenderOptions {
  /** Shown where text had to be left out, e.g. "…（訊息過長，以下省略）". */
  truncatedNote: string;
  limit?: number;
}

/** One message (a card that will be edited in place): trimmed to the limit, never empty. */
export function renderSingle(text: RichText, opts: RenderOptions): string {
  const layout = new Layout(text);
  if (layout.isBlank(0, layout.plain.length)) return EMPTY_TEXT;
  return layout.trimmed(0, opts.limit ?? TEXT_LIMIT, opts.truncatedNote);
}

/**
 * Long answers as several messages, split at line breaks where possible. At most `maxParts`
 * messages go out (a flood would hit Telegram's per-chat limits); the last one is trimmed.
 */
export function renderParts(text: RichText, opts: RenderOptions & { maxParts?: number }): string[] {
  const limit = opts.limit ?? TEXT_LIMIT;
  const maxParts = Math.max(1, opts.maxParts ?? 5);
  const layout = new Layout(text);
  const parts: string[] = [];
  let from = 0;
  while (from < layout.plain.length) {
    if (parts.length === maxParts - 1) {
      if (!layout.isBlank(from, layout.plain.length)) parts.push(layout.trimmed(from, limit, opts.truncatedNote));
      break;
    }
    const end = layout.partEnd(from, limit);
    if (!layout.isBlank(from, end)) parts.push(layout.html(from, end));
    from = end;
  }
  return parts.length ? parts : [EMPTY_TEXT];
}

/** What a long answer becomes: the messages, and the whole text as a file when they cannot hold it. */
export interface LongText {
  parts: string[];
  /** The full text, plain, when more than `maxParts` messages would be needed. */
  overflow?: string;
}

/**
 * A long answer: up to `maxParts` messages; if the text needs more, the last message says the
 * full text follows as a file and `overflow` carries it, so no line is ever lost.
 */
export function renderLong(text: RichText, opts: RenderOptions & { maxParts?: number; continuedNote: string }): LongText {
  const maxParts = Math.max(1, opts.maxParts ?? 5);
  const all = renderParts(text, { ...opts, maxParts: Number.MAX_SAFE_INTEGER });
  if (all.length <= maxParts) return { parts: all };
  return { parts: renderParts(text, { ...opts, maxParts, truncatedNote: opts.continuedNote }), overflow: richToPlain(text) };
}

export function encodeCallbackData(b: Pick<Button, 'action' | 'value'>): string | undefined {
  const data = `${b.action}${CALLBACK_SEPARATOR}${b.value}`;
  if (!b.action || b.action.includes(CALLBACK_SEPARATOR)) return undefined;
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? data : undefined;
}

export type KeyboardButton = { text: string; callback_data: string } | { text: string; url: string };

export interface InlineKeyboard {
  inline_keyboard: KeyboardButton[][];
}

/** A deep link's start parameter: Telegram takes 1-64 of A-Z, a-z, 0-9, _ and -. */
const START_PARAMETER = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The inline keyboard under a message. Buttons whose data cannot fit Telegram's 64 bytes are
 * left out (reported in `dropped`) rather than failing the whole message. A button that opens the
 * private chat with the bot (Button.privateStart) is a deep link to `botUsername`.
 */
export function renderKeyboard(buttons: readonly Button[] | undefined, opts: { botUsername?: string } = {}): { markup: InlineKeyboard; dropped: number } {
  const row: KeyboardButton[] = [];
  let dropped = 0;
  for (const b of buttons ?? []) {
    const text = trimPlain(b.label, BUTTON_LABEL_MAX) || '·';
    if (b.privateStart !== undefined && opts.botUsername && START_PARAMETER.test(b.privateStart)) {
      row.push({ text, url: `https://t.me/${opts.botUsername}?start=${b.privateStart}` });
      continue;
    }
    const data = encodeCallbackData(b);
    if (!data) {
      dropped++;
      continue;
    }
    row.push({ text, callback_data: data });
  }
  const rows: KeyboardButton[][] = [];
  for (let i = 0; i < row.length; i += BUTTONS_PER_ROW) rows.push(row.slice(i, i + BUTTONS_PER_ROW));
  return { markup: { inline_keyboard: rows }, dropped };
}

/** Plain text cut to `max` UTF-16 units without splitting a surrogate pair; `…` marks a cut. */
export function trimPlain(s: string, max: number): string {
  if (s.length <= max) return s;
  return s.slice(0, safeCut(s, max - 1)).trimEnd() + '…';
}

/** Callback answers (toasts) are plain text: Telegram does not parse markup there. */
export function renderToast(text: RichText): string {
  return trimPlain(richToPlain(text).trim(), TOAST_LIMIT);
}

/** The plain-text fallback when Telegram refuses our HTML: the same visible text, no markup. */
export function htmlToPlain(html: string): string {
  // Only our own tags appear in the HTML (user text is escaped), so removing tags is exact.
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

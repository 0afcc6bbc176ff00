// Core rich text as Slack mrkdwn, cut into units that a section may end between: one grapheme
// cluster of escaped text, a whole `&amp;`-style entity, a whole link or mention. Sections are
// packed from these (sections.ts), so no limit can split a character, an entity or a link, and a
// bold or code span cut in two is closed and reopened rather than broken.
import { graphemes } from '../text/graphemes';
import type { Span } from '../../core/types';

/** The markers around a bold or code span; one object per span so two adjacent spans stay two. */
export interface Wrap {
  open: string;
  close: string;
}

export interface Unit {
  /** The unit as mrkdwn (escaped). */
  md: string;
  /** The unit in the plain-text fallback (escaped too: Slack reads it as mrkdwn in notifications). */
  plain: string;
  wrap?: Wrap;
  /** A line break: where a section prefers to end. */
  nl?: boolean;
}

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
/** A link longer than this is shown as text: one unit must always fit a section with room to spare. */
const LINK_MAX = 1500;
/** A "character" longer than this (hundreds of combining marks) is split at code points. */
const CLUSTER_MAX = 64;

function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  // Inside <url|label> a `|`, `<` or `>` would end the link early: percent-encode them.
  return url.replace(/[|<>]/g, (c) => encodeURIComponent(c));
}

/**
 * Already-escaped text as units: grapheme clusters, except that an entity and whatever a
 * combining mark attached to it stay one unit (every `&` in escaped text starts an entity).
 */
export function textUnits(escaped: string, wrap?: Wrap): Unit[] {
  const out: Unit[] = [];
  let entity = '';
  const add = (g: string) => {
    if (g.length > CLUSTER_MAX) for (const cp of g) out.push({ md: cp, plain: cp, wrap });
    else out.push(g === '\n' ? { md: g, plain: g, wrap, nl: true } : { md: g, plain: g, wrap });
  };
  for (const g of graphemes(escaped)) {
    if (entity || g.startsWith('&')) {
      entity += g;
      if (!g.includes(';')) continue;
      add(entity);
      entity = '';
    } else add(g);
  }
  if (entity) add(entity);
  return out;
}

function plainUnits(s: string): Unit[] {
  return textUnits(escapeMrkdwn(s));
}

function spanUnits(s: Span): Unit[] {
  if (typeof s === 'string') return plainUnits(s);
  if ('bold' in s) {
    if (!s.bold.trim()) return plainUnits(s.bold);
    // A `*` inside a bold span would end it early: a look-alike keeps the user's text intact.
    return textUnits(escapeMrkdwn(s.bold).replace(/\*/g, '∗'), { open: '*', close: '*' });
  }
  if ('code' in s) return s.code ? textUnits(escapeMrkdwn(s.code).replace(/`/g, 'ˋ'), { open: '`', close: '`' }) : [];
  if ('link' in s) {
    const url = safeUrl(s.link);
    const plain = s.text === s.link ? s.link : `${s.text} (${s.link})`;
    if (!url) return plainUnits(s.text);
    const md = s.text === s.link ? `<${url}>` : `<${url}|${escapeMrkdwn(s.text)}>`;
    if (md.length > LINK_MAX) return plainUnits(plain);
    return [{ md, plain: escapeMrkdwn(plain) }];
  }
  // Only the core creates mention spans; still, only a well-formed Slack id becomes a ping.
  const m = s.mention;
  const name = escapeMrkdwn('@' + m.name);
  if (m.platform === 'slack' && SLACK_USER_ID.test(m.id)) return [{ md: `<@${m.id}>`, plain: name }];
  return plainUnits('@' + m.name);
}

export function richUnits(text: readonly Span[]): Unit[] {
  return text.flatMap(spanUnits);
}

/** Units as one mrkdwn string: a wrap opens where its first unit is and closes after its last. */
export function joinUnits(units: readonly Unit[], from = 0, to = units.length): string {
  let out = '';
  let wrap: Wrap | undefined;
  for (let i = from; i < to; i++) {
    const u = units[i]!;
    if (u.wrap !== wrap) {
      if (wrap) out += wrap.close;
      if (u.wrap) out += u.wrap.open;
      wrap = u.wrap;
    }
    out += u.md;
  }
  return wrap ? out + wrap.close : out;
}

export function toMrkdwn(text: readonly Span[]): string {
  return joinUnits(richUnits(text));
}

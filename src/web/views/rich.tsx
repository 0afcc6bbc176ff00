import type { Child } from 'hono/jsx';
import type { RichText, Span } from '../../core/types';

/** Only web links become links: a javascript: or data: URL from user text stays text. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : undefined;
}

function lines(s: string): Child[] {
  const parts = s.split('\n');
  return parts.flatMap((p, i) => (i ? [<br />, p] : [p]));
}

/**
 * The core's rich text as HTML (`rel` for links in what people said: `nofollow noopener`). Every string goes through the JSX renderer, which escapes it:
 * nothing a person typed is ever written out as markup.
 */
export function Rich(props: { text: RichText; rel?: string }) {
  return (
    <>
      {props.text.map((s) => {
        if (typeof s === 'string') return lines(s);
        if ('bold' in s) return <strong>{lines(s.bold)}</strong>;
        if ('code' in s) return <code>{s.code}</code>;
        if ('link' in s) {
          const href = safeHref(s.link);
          return href ? <a href={href} rel={props.rel ?? 'noopener noreferrer'}>{s.text}</a> : s.text;
        }
        return `@${s.mention.name}`;
      })}
    </>
  );
}

// A URL as people paste it in chat, up to a space or CJK punctuation; a trailing ASCII
// punctuation mark ends the sentence, not the URL.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'）」』】，。；！？、]+/gi;

/** Plain text with its web addresses as links (what a speech says, as the minutes show it). */
export function linkify(text: string): RichText {
  const out: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    const at = m.index;
    if (at > last) out.push(text.slice(last, at));
    out.push({ link: url, text: url });
    last = at + url.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** What someone said, its links marked as the speaker's, not the site's. */
export function Said(props: { text: string }) {
  return <Rich text={linkify(props.text)} rel="nofollow noopener" />;
}

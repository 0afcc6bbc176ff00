import type { Child } from 'hono/jsx';
import type { RichText } from '../../core/types';

/** Only web links become links: a javascript: or data: URL from user text stays text. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : undefined;
}

function lines(s: string): Child[] {
  const parts = s.split('\n');
  return parts.flatMap((p, i) => (i ? [<br />, p] : [p]));
}

/**
 * The core's rich text as HTML. Every string goes through the JSX renderer, which escapes it:
 * nothing a person typed is ever written out as markup.
 */
export function Rich(props: { text: RichText }) {
  return (
    <>
      {props.text.map((s) => {
        if (typeof s === 'string') return lines(s);
        if ('bold' in s) return <strong>{lines(s.bold)}</strong>;
        if ('code' in s) return <code>{s.code}</code>;
        if ('link' in s) {
          const href = safeHref(s.link);
          return href ? <a href={href} rel="noopener noreferrer">{s.text}</a> : s.text;
        }
        return `@${s.mention.name}`;
      })}
    </>
  );
}

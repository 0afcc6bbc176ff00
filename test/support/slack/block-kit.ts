// What Slack's own Block Kit models check (python-slack-sdk's blocks, Slack's block reference),
// written down independently of the renderer: a message that fails here is one Slack rejects.

interface Problem {
  path: string;
  why: string;
}

const ENTITY_OR_LINK = /&(?:amp|lt|gt);|<(?:@[UW][A-Z0-9]+|https?:\/\/[^<>|\s]+(?:\|[^<>]*)?)>/g;

/** UTF-16 with no lone surrogate: Slack's form encoding and JSON parsers both need it. */
export function wellFormed(s: string): boolean {
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** mrkdwn as the bot should emit it: `<`, `>` and `&` only in our links, mentions and entities. */
function mrkdwnProblems(text: string, path: string, max: number): Problem[] {
  const out: Problem[] = [];
  if (text.length < 1) out.push({ path, why: 'empty text' });
  if (text.length > max) out.push({ path, why: `${text.length} > ${max} characters` });
  if (!wellFormed(text)) out.push({ path, why: 'lone surrogate' });
  if (/[<>&]/.test(text.replace(ENTITY_OR_LINK, ''))) out.push({ path, why: `stray markup: ${JSON.stringify(text.replace(ENTITY_OR_LINK, '').match(/.{0,10}[<>&].{0,10}/)?.[0])}` });
  return out;
}

export function blockKitProblems(msg: { text: string; blocks: unknown[] }): Problem[] {
  const out: Problem[] = [];
  if (typeof msg.text !== 'string' || msg.text.length < 1 || msg.text.length > 3000) out.push({ path: 'text', why: `fallback length ${msg.text?.length}` });
  if (!wellFormed(msg.text)) out.push({ path: 'text', why: 'lone surrogate' });
  if (/[<>]/.test(msg.text.replace(ENTITY_OR_LINK, ''))) out.push({ path: 'text', why: 'stray markup in fallback' });
  if (/&(?!amp;|lt;|gt;)/.test(msg.text)) out.push({ path: 'text', why: 'cut entity in fallback' });
  if (msg.blocks.length < 1 || msg.blocks.length > 50) out.push({ path: 'blocks', why: `${msg.blocks.length} blocks` });
  const actionIds = new Set<string>();
  msg.blocks.forEach((raw, i) => {
    const b = raw as { type: string; text?: { type: string; text: string }; elements?: { type: string; text?: unknown; action_id?: string; value?: string }[] };
    const at = `blocks[${i}]`;
    if (b.type === 'section') out.push(...mrkdwnProblems(b.text!.text, `${at}.text`, 3000));
    else if (b.type === 'header') {
      const t = b.text!.text;
      if (b.text!.type !== 'plain_text' || t.length < 1 || t.length > 150 || !wellFormed(t)) out.push({ path: at, why: `header ${t.length}` });
    } else if (b.type === 'context') {
      if (!b.elements?.length || b.elements.length > 10) out.push({ path: at, why: 'context elements' });
      b.elements?.forEach((e, k) => out.push(...mrkdwnProblems((e as unknown as { text: string }).text, `${at}.elements[${k}]`, 3000)));
    } else if (b.type === 'actions') {
      if (!b.elements?.length || b.elements.length > 25) out.push({ path: at, why: `${b.elements?.length} elements` });
      b.elements?.forEach((e, k) => {
        const p = `${at}.elements[${k}]`;
        const label = (e.text as { text: string }).text;
        if (label.length < 1 || label.length > 75 || !wellFormed(label)) out.push({ path: p, why: `label ${JSON.stringify(label)}` });
        if ((e.value ?? '').length > 2000 || !wellFormed(e.value ?? '')) out.push({ path: p, why: 'value' });
        if (!e.action_id || e.action_id.length > 255 || actionIds.has(e.action_id)) out.push({ path: p, why: `action_id ${e.action_id}` });
        actionIds.add(e.action_id ?? '');
      });
    } else out.push({ path: at, why: `unexpected block ${b.type}` });
  });
  return out;
}

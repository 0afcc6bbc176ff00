import type { MinutesDoc, ViewCtx } from './minutes-doc';
import { lineText } from './minutes-doc';
import { escapeAttr, escapeText, ncName, xmlSafe } from './xml';
import { todayIn } from '../dates/calendar-date';
import { zoneStamper } from './zone-stamp';

interface Speaker {
  id: string;
  href: string;
  name: string;
}

/**
 * One TLCPerson per person. SayIt's importer makes one speaker per `href` and files each speech
 * under the href its `by` points to, so the href is built from the person's stable platform id:
 * two people who share a display name stay two speakers, and a renamed person stays one.
 * `showAs` is the name they have now; `id` (an NCName, what `by` refers to) is made from it,
 * unique within the file.
 */
function speakers(doc: MinutesDoc, ctx: ViewCtx): Map<number, Speaker> {
  const out = new Map<number, Speaker>();
  const used = new Set<string>();
  for (const l of doc.lines) {
    if (out.has(l.userId)) continue;
    const user = ctx.services.people.get(l.userId);
    const name = xmlSafe(user?.name ?? l.speaker).replace(/\s+/g, ' ').trim() || '?';
    const base = ncName(name);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    const href = user ? `/ontology/person/${user.platform}/${encodeURIComponent(user.platformUserId)}` : `/ontology/person/user/${l.userId}`;
    out.set(l.userId, { id, href, name });
  }
  return out;
}

/**
 * The minutes as Akoma Ntoso in the shape SayIt imports (as the PDIS transcript archive's
 * .an.xml files): meta/references/TLCPerson per speaker, then one debateSection whose heading
 * is the date and title, and one speech per line with a <p> per line of text.
 */
export function toAkomaNtoso(doc: MinutesDoc, ctx: ViewCtx): string {
  const tz = ctx.services.settings.timezone;
  const people = speakers(doc, ctx);
  const stamp = zoneStamper(tz);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<akomaNtoso>', '  <debate>', '    <meta>', '      <references>'];
  for (const p of people.values()) {
    out.push(`        <TLCPerson href="${escapeAttr(p.href)}" id="${escapeAttr(p.id)}" showAs="${escapeAttr(p.name)}"/>`);
  }
  out.push('      </references>', '    </meta>', '    <debateBody>', '      <debateSection>');
  out.push(`        <heading>${escapeText(`${todayIn(doc.minutes.startedAt, tz)} ${doc.minutes.title}`)}</heading>`);
  for (const l of doc.lines) {
    const p = people.get(l.userId)!;
    out.push(`        <speech by="#${escapeAttr(p.id)}" startTime="${stamp.iso(l.at)}">`);
    const paras = lineText(l, doc, ctx).split(/\r?\n/).filter((x) => x.trim() !== '');
    for (const para of paras.length ? paras : ['']) out.push(`          <p>${escapeText(para)}</p>`);
    out.push('        </speech>');
  }
  out.push('      </debateSection>', '    </debateBody>', '  </debate>', '</akomaNtoso>', '');
  return out.join('\n');
}

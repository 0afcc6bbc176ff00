import type { MinutesDoc, ViewCtx } from './minutes-doc';
import { lineText } from './minutes-doc';
import { escapeAttr, escapeText, ncName, xmlSafe } from './xml';
import { todayIn } from '../cases/calendar-date';
import { zoneStamper } from './zone-stamp';

/** One TLCPerson per speaker: href and showAs carry the name (SayIt matches speakers by href),
 *  id is an NCName made from it, made unique when two people share a name. */
function speakers(doc: MinutesDoc): Map<number, { id: string; name: string }> {
  const out = new Map<number, { id: string; name: string }>();
  const used = new Set<string>();
  for (const l of doc.lines) {
    if (out.has(l.userId)) continue;
    const name = xmlSafe(l.speaker).replace(/\s+/g, ' ').trim() || '?';
    const base = ncName(name);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    out.set(l.userId, { id, name });
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
  const people = speakers(doc);
  const stamp = zoneStamper(tz);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<akomaNtoso>', '  <debate>', '    <meta>', '      <references>'];
  for (const p of people.values()) {
    out.push(`        <TLCPerson href="${escapeAttr('/ontology/person/::/' + p.name)}" id="${escapeAttr(p.id)}" showAs="${escapeAttr(p.name)}"/>`);
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

// SayIt's Akoma Ntoso importer creates one speaker per TLCPerson href and files each speech under
// the href of the TLCPerson its `by` points to. This reads an export the same way.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

interface Person {
  '@_href': string;
  '@_id': string;
  '@_showAs': string;
}

export interface SayitImport {
  heading: string;
  /** Speaker (by href) → display name and the texts of their speeches. */
  speakers: Map<string, { name: string; speeches: string[] }>;
  /** Every speech's text, in order. */
  speeches: string[];
}

/** Reads the file as SayIt's importer does; throws (as SayIt's import fails) on a file it cannot read. */
export function readAsSayIt(xml: string): SayitImport {
  if (XMLValidator.validate(xml) !== true) throw new Error('not well-formed XML');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (n) => ['TLCPerson', 'speech', 'p'].includes(n) }).parse(xml)
    .akomaNtoso.debate;
  const byId = new Map<string, Person>(doc.meta.references.TLCPerson.map((p: Person) => [p['@_id'], p]));
  const speakers = new Map<string, { name: string; speeches: string[] }>();
  const speeches: string[] = [];
  const section = doc.debateBody.debateSection;
  for (const s of (section.speech ?? []) as { '@_by': string; p: string[] }[]) {
    const person = byId.get(s['@_by'].replace(/^#/, ''));
    if (!person) throw new Error(`speech by ${s['@_by']}: no such TLCPerson`);
    const sp = speakers.get(person['@_href']) ?? { name: person['@_showAs'], speeches: [] };
    const text = s.p.join('\n');
    sp.speeches.push(text);
    speeches.push(text);
    speakers.set(person['@_href'], sp);
  }
  return { heading: String(section.heading), speakers, speeches };
}

/** As the SayIt tests used it: the speakers, with the XML checked well-formed. */
export function importAsSayIt(xml: string): SayitImport['speakers'] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return readAsSayIt(xml).speakers;
}

import { UserError } from '../errors';
import { charLength, checkText } from '../input/check-text';
import type { Agency } from '../records';
import type { AgencyDirectory } from '../people/agency-match';

export const TITLE_MAX = 120;
export const DETAILS_MAX = 2000;
export const AGENCY_TAGS_MAX = 10;

export interface Proposal {
  title: string;
  details: string;
  petitionUrl: string | null;
  agencies: Agency[];
  /** Whether the text had a details part (`| …` or a new line), even an empty one. */
  detailsGiven: boolean;
}

// Join (公共政策網路參與平臺) petition and idea pages.
const PETITION = /https?:\/\/(?:www\.)?join\.gov\.tw\/[^\s<>"'）)]+/i;
// A tag ends at ｜ or | too: an IME types `＃衛福部｜說明` with no space before the bar.
const HASHTAG = /(^|[\s(（,，、])[#＃]([^\s#＃,，、。;；:：!！?？()（）「」|｜]+)/g;

/**
 * `/propose <title>[ | details]` or title and details split by the first newline.
 * Hashtags name agencies concerned; a Join URL anywhere is the petition.
 */
export function parseProposal(args: string, agencies: AgencyDirectory): Proposal {
  const raw = args.trim();
  if (!raw) throw new UserError('issues.titleEmpty', undefined);
  checkText(raw, { max: TITLE_MAX + DETAILS_MAX + 10, multiline: true });

  // A Chinese IME types ｜ with no spaces (full-width characters carry their own); a half-width
  // | splits only between spaces or right after a tag (`#數位部|說明`), so "A|B" stays in a title.
  const split = /\r?\n|｜|\s\|\s|^\|\s|\s\|$|(?<=(?:^|[\s(（,，、])[#＃][^\s#＃,，、。;；:：!！?？()（）「」|｜]+)\|/.exec(raw);
  let title = split ? raw.slice(0, split.index) : raw;
  let details = split ? raw.slice(split.index + split[0].length) : '';

  const petitionUrl = PETITION.exec(raw)?.[0] ?? null;

  const tags: string[] = [];
  for (const m of raw.matchAll(HASHTAG)) tags.push(m[2]!);
  const found: Agency[] = [];
  for (const tag of tags) {
    const a = agencies.find(tag);
    if (!a) {
      throw agencies.unknown(tag);
    }
    if (!found.includes(a)) found.push(a);
  }
  if (found.length > AGENCY_TAGS_MAX) throw new UserError('issues.tooManyAgencies', { max: AGENCY_TAGS_MAX });

  // The title keeps only words: tags and the link are shown on their own card lines.
  title = title.replace(HASHTAG, '$1').replace(PETITION, '').replace(/\s+/g, ' ').trim();
  // Tags typed in the details became the agencies: out of the text, as from the title
  // (line breaks kept; the spaces a tag leaves behind folded).
  details = details
    .replace(HASHTAG, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+(?=[，。、；：！？）」]|$)/gm, '')
    .trim();
  if (!title) throw new UserError('issues.titleEmpty', undefined);
  if (charLength(title) > TITLE_MAX) throw new UserError('issues.titleTooLong', { actual: charLength(title) });
  if (charLength(details) > DETAILS_MAX) throw new UserError('issues.detailsTooLong', { actual: charLength(details) });
  return { title, details, petitionUrl, agencies: found, detailsGiven: split !== null };
}

import * as z from './zod';
import { meetingsConfigSchema } from './meetings.schema';
import { casesSchema } from './cases.schema';
import { webSchema } from './web.schema';
import { sayitSchema } from './sayit.schema';
import { platformRef } from './platform-ref';

const userRef = platformRef('user');

export const agencySchema = z.strictObject({
  code: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,16}$/)),
  name: z.text(40),
  /** The English name: shown when `locale` is en, and accepted by /iam and #tags in any locale. */
  nameEn: z.optional(z.text(80)),
  aliases: z._default(z.array(z.text(60)), []),
});
export type AgencyConfig = z.input<typeof agencySchema>;

export const configSchema = z.strictObject({
  locale: z._default(z.enum(['zh-TW', 'en']), 'zh-TW'),
  timezone: z._default(
    z.string().check(
      z.refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'expected an IANA time zone such as "Asia/Taipei"'),
    ),
    'Asia/Taipei',
  ),
  database: z.prefault(z.strictObject({ path: z._default(z.text(), './data/po-bot.sqlite') }), {}),
  voting: z.prefault(
    z.strictObject({
      countBy: z._default(z.enum(['person', 'agency']), 'person'),
      /** Reaction names (Slack's `+1`) or emoji that cast a vote. */
      reactions: z._default(z.array(z.text()).check(z.minLength(1)), ['+1', 'thumbsup', '👍']),
      /** The emoji shown on cards and the Telegram button. */
      emoji: z._default(z.text(), '👍'),
      /**
       * An open issue stays on the monthly ballot until it is selected or withdrawn; a number N
       * leaves issues proposed more than N months before the meeting off it. Default: never.
       */
      ballotMonths: z._default(z.nullable(z.int().check(z.minimum(1), z.maximum(120))), null),
    }),
    {},
  ),
  /** The 月會's timed ballot (/ballot open): how long it runs and how many votes each agency has. */
  ballot: z.prefault(
    z.strictObject({
      /** Minutes a ballot stays open when /ballot open names no duration (1 to 1440). */
      minutes: z._default(z.int().check(z.minimum(1), z.maximum(24 * 60)), 10),
      /** Votes each agency has, at most one per issue (1 to 20). */
      votesPerAgency: z._default(z.int().check(z.minimum(1), z.maximum(20)), 3),
    }),
    {},
  ),
  agencies: z.optional(z.array(agencySchema).check(z.minLength(1))),
  roster: z._default(z.array(z.strictObject({ user: userRef, agency: z.text(), name: z.optional(z.text()) })), []),
  facilitators: z._default(z.array(userRef), []),
  meetings: meetingsConfigSchema,
  cases: casesSchema,
  calendar: z.prefault(
    z.strictObject({
      /**
       * A folder of official office-calendar files (`2027.json`, the DGPA's JSON format) for years
       * the release does not carry; checked at start-up. Relative to the working directory.
       */
      dir: z.optional(z.text()),
    }),
    {},
  ),
  welcome: z.prefault(
    z.strictObject({
      /**
       * A Markdown file that replaces the catalog's newcomer guide (/guide and the welcome);
       * read and checked at start. The generated lines (meetings, the agency's work) stay.
       */
      guideFile: z._default(z.nullable(z.text()), null),
    }),
    {},
  ),
  web: webSchema,
  minutes: z.prefault(
    z.strictObject({
      /**
       * The correction window: a recorded meeting's minutes are a draft its speakers correct for
       * this many working days (office calendar), published at 09:00 Taipei on the day after
       * (PDIS: 「十個工作天之內修改…然後會公開」). 0 publishes them as the meeting ends.
       */
      reviewWorkingDays: z._default(z.int().check(z.minimum(0), z.maximum(60)), 10),
    }),
    {},
  ),
  /** Publishing minutes on SayIt too (credentials: SAYIT_USERNAME, SAYIT_PASSWORD). */
  sayit: sayitSchema,
});

export type BotConfig = z.output<typeof configSchema>;

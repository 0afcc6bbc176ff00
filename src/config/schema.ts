import * as z from 'zod';
import { meetingsConfigSchema } from './meetings.schema';
import { casesSchema } from './cases.schema';
import { webSchema } from './web.schema';

const userRef = z.string().regex(/^(slack|telegram|console):[^\s]+$/, 'expected "<platform>:<user id>", e.g. "console:alice"');

export const agencySchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
  name: z.string().min(1).max(40),
  /** The English name: shown when `locale` is en, and accepted by /iam and #tags in any locale. */
  nameEn: z.string().min(1).max(80).optional(),
  aliases: z.array(z.string().min(1).max(60)).default([]),
});
export type AgencyConfig = z.input<typeof agencySchema>;

export const configSchema = z.strictObject({
  locale: z.enum(['zh-TW', 'en']).default('zh-TW'),
  timezone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'expected an IANA time zone such as "Asia/Taipei"')
    .default('Asia/Taipei'),
  database: z.strictObject({ path: z.string().min(1).default('./data/po-bot.sqlite') }).prefault({}),
  voting: z
    .strictObject({
      countBy: z.enum(['person', 'agency']).default('person'),
      /** Reaction names (Slack) or emoji (Telegram, console) that cast a vote. */
      reactions: z.array(z.string().min(1)).min(1).default(['+1', 'thumbsup', '👍']),
      /** The emoji shown on cards and the Telegram button. */
      emoji: z.string().min(1).default('👍'),
      /**
       * An open issue stays on the monthly ballot until it is selected or withdrawn; a number N
       * leaves issues proposed more than N months before the meeting off it. Default: never.
       */
      ballotMonths: z.number().int().min(1).max(120).nullable().default(null),
    })
    .prefault({}),
  agencies: z.array(agencySchema).min(1).optional(),
  roster: z
    .array(z.strictObject({ user: userRef, agency: z.string().min(1), name: z.string().min(1).optional() }))
    .default([]),
  facilitators: z.array(userRef).default([]),
  meetings: meetingsConfigSchema,
  cases: casesSchema,
  calendar: z
    .strictObject({
      /**
       * A folder of official office-calendar files (`2027.json`, the DGPA's JSON format) for years
       * the release does not carry; checked at start-up. Relative to the working directory.
       */
      dir: z.string().min(1).optional(),
    })
    .prefault({}),
  welcome: z
    .strictObject({
      /**
       * A Markdown file that replaces the catalog's newcomer guide (/guide and the welcome);
       * read and checked at start. The generated lines (meetings, the agency's work) stay.
       */
      guideFile: z.string().min(1).nullable().default(null),
    })
    .prefault({}),
  web: webSchema,
});

export type BotConfig = z.output<typeof configSchema>;

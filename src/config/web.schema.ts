import * as z from './zod';

/** What the web pages are made of; `web.public` names those anyone may read without signing in. */
export const WEB_SECTIONS = ['cases', 'meetings', 'minutes', 'agencies', 'calendar', 'feed', 'issues'] as const;
export type WebSection = (typeof WEB_SECTIONS)[number];

/** The network publishes its record; proposals (issues) and who voted for them stay internal. */
export const DEFAULT_PUBLIC: readonly WebSection[] = ['cases', 'meetings', 'minutes', 'agencies', 'calendar', 'feed'];

export const webSchema = z.prefault(
  z.strictObject({
    public: z._default(
      z.array(z.enum(WEB_SECTIONS)).check(z.refine((l) => new Set(l).size === l.length, 'each section once')),
      [...DEFAULT_PUBLIC],
    ),
    /**
     * Where people reach the pages (https://po.example.tw, behind a reverse proxy): sign-in
     * links and links in chat answers use it. PUBLIC_URL in the environment does the same.
     */
    baseUrl: z.optional(
      z.pipe(
        z.url().check(z.refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL')),
        z.transform((u) => u.replace(/\/+$/, '')),
      ),
    ),
    /**
     * The bot is behind a reverse proxy that sets X-Forwarded-Proto: only then is that header
     * believed (its first value, the one the client's own connection used) to mark cookies Secure.
     */
    trustProxy: z._default(z.boolean(), false),
    /**
     * How far back /calendar.ics keeps meetings once held, in days (a subscribed calendar keeps
     * its history instead of losing each meeting the day after).
     */
    calendarPastDays: z._default(z.int().check(z.gte(0), z.lte(3660)), 365),
  }),
  {},
);

export type WebConfig = z.output<typeof webSchema>;

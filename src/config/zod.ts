import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.cjs';

// The configuration and the environment are checked with zod's mini build: the same checks as
// the classic API, written as functions (`z.optional(z.string().check(z.minLength(1)))`), so a
// start-up builds plain schemas instead of objects carrying every method (about half the time,
// measured with `npm run bench -- startup`). Its messages are English, as the classic build's
// are by default.
z.config(en());

export * from 'zod/mini';

/** A non-empty string, at most `max` characters when given. */
export const text = (max?: number) => z.string().check(...(max === undefined ? [z.minLength(1)] : [z.minLength(1), z.maxLength(max)]));

/** An optional TCP port number, from an environment variable's text. */
export const port = () => z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)));

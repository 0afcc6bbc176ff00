import * as z from './zod';

/** 127.0.0.0/8, ::1 and localhost: an address on this machine (a test's SayIt, an SSH tunnel). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The SayIt instance published minutes go to (sayit.pdis.nat.gov.tw): https only, since the
 * login sends a password; plain http only to this machine.
 */
export const sayitSchema = z.prefault(
  z.strictObject({
    url: z.optional(
      z.pipe(
        z.url().check(
          z.refine((u) => {
            try {
              const p = new URL(u);
              return p.protocol === 'https:' || (p.protocol === 'http:' && isLoopbackHost(p.hostname));
            } catch {
              return false;
            }
          }, 'expected an https URL (plain http only for a loopback host such as http://127.0.0.1:8000): the login sends a password'),
        ),
        z.transform((u) => u.replace(/\/+$/, '')),
      ),
    ),
  }),
  {},
);

/**
 * Every test runs with the process in New York time, so anything that reads the server's zone
 * instead of the configured one (Asia/Taipei) shows up as a failure. Set here, in the parent
 * process before workers start: a test file's own `process.env` is a copy and would not reach
 * the runtime's time-zone cache. test/meetings/timezone.test.ts checks that it took effect.
 */
export default function setTimeZone(): void {
  process.env.TZ = 'America/New_York';
}

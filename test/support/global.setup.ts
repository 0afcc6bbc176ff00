import setTimeZone from './timezone.global';
import buildForTests from './build.global';

/** Jest's one global setup: the server's time zone, then the build the child processes run. */
export default async function globalSetup(): Promise<void> {
  setTimeZone();
  await buildForTests();
}

import pino from 'pino';
import { installProcessGuard } from '../../../src/http/process-guard';
import { RequestStats } from '../../../src/http/request-stats';

// A process with the guard main.ts installs: one error thrown in a timer, one promise rejected
// with an error carrying a request (as HTTP libraries' errors do); then it reports and exits 0.
const stats = new RequestStats();
installProcessGuard(pino({ base: null, timestamp: false }, pino.destination({ fd: 2, sync: true })), stats);
setTimeout(() => {
  throw new Error('thrown in a timer');
}, 0);
setTimeout(() => {
  const e = Object.assign(new Error('rejected in a request'), { req: { headers: { cookie: 'INJECTED-COOKIE' } } });
  void Promise.reject(e);
}, 10);
setTimeout(() => {
  process.stdout.write(`${JSON.stringify({ ...stats.snapshot(), alive: true })}\n`);
  process.exit(0);
}, 100);

import { printLines, type Bench } from './harness';
import { votesBench } from './votes.bench';
import { telegramBench } from './telegram.bench';
import { meetingsBench } from './meetings.bench';
import { casesBench } from './cases.bench';
import { webBench } from './web.bench';
import { slackBench } from './slack.bench';
import { backupBench } from './backup.bench';
import { startupBench } from './startup.bench';
import { contentionBench } from './contention.bench';
import { networkBench } from './network.bench';

// Each feature adds its bench here. `npm run bench -- <name>` runs only those whose name matches.
const benches: Bench[] = [votesBench, telegramBench, meetingsBench, casesBench, slackBench, backupBench, startupBench, webBench, contentionBench, networkBench];

async function main(): Promise<void> {
  const filter = process.argv[2];
  let failed = 0;
  for (const b of benches) {
    if (filter && !b.name.includes(filter)) continue;
    const lines = await b.run();
    printLines(b.name, lines);
    failed += lines.filter((l) => l.pass === false).length;
  }
  process.stdout.write(`\n${failed ? `${failed} target(s) not met` : 'all targets met'}\n`);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});

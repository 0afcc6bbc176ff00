import { join } from 'node:path';

/** Where jest's global setup (test/support/build.global.ts) builds the bot for child processes. */
export const BUILD_FOLDER = '.test-build';
/** Set by the global setup to this run's build folder; jest's workers inherit it. */
export const BUILD_ENV = 'PO_BOT_TEST_BUILD';

function folder(): string {
  const dir = process.env[BUILD_ENV];
  if (!dir) throw new Error(`${BUILD_ENV} is not set: run the tests through jest (its global setup builds the bot into ${BUILD_FOLDER}/)`);
  return dir;
}

/** `node <this> [args]` runs the bot as the image does (dist/main.js, built from this checkout). */
export const builtMain = (): string => join(folder(), 'main.js');
/** An empty database made by the real migrations (test/support/build.global.ts). */
export const TEMPLATE = 'template.sqlite';
/** The same with the default agencies written, as the first start with them leaves it. */
export const TEMPLATE_WITH_AGENCIES = 'template-agencies.sqlite';
export const templateDatabase = (withDefaultAgencies: boolean): string => join(folder(), withDefaultAgencies ? TEMPLATE_WITH_AGENCIES : TEMPLATE);
/** The backup command as the image runs it (`node dist/ops/backup.cli.js`). */
export const builtBackup = (): string => join(folder(), 'ops', 'backup.cli.js');
/** The dead-letter command as the image runs it (`node dist/ops/outbox.cli.js`). */
export const builtOutboxCli = (): string => join(folder(), 'ops', 'outbox.cli.js');

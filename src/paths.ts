import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The installation's root: the nearest folder above this file that holds package.json (the
 * repository, or /app in the image). Found by looking rather than by counting `..`: the code runs
 * from src/ (tsx, tests), from one bundled file in dist/ (`node dist/main.js`) and from the tests'
 * build in .test-build/, each at a different depth.
 */
export function appRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`po-bot: no package.json above ${from}: migrations/ and calendar/ are found next to it`);
  }
}

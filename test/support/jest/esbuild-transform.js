'use strict';
// jest's TypeScript transform: esbuild, the same transform tsx (`npm start`) and the build
// (scripts/build/bundle.ts) run on src/, so the tests run the code as the bot does. It only strips
// types (tsc --noEmit in `npm test` checks them): on a fresh clone ts-jest's TypeScript
// transpiler spent some 8 s of CPU on the 390 files each run loads; esbuild takes a fraction of
// that.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

const self = createHash('sha256').update(readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  getCacheKey(source, path, options) {
    return createHash('sha256').update(self).update('\0').update(path).update('\0').update(source).update('\0').update(options.configString).digest('hex');
  },
  process(source, path) {
    const { code, map } = transformSync(source, {
      loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // As tsconfig.json says for the web pages' JSX.
      jsx: 'automatic',
      jsxImportSource: 'hono/jsx',
      sourcemap: 'external',
      sourcesContent: false,
      sourcefile: path,
    });
    return { code, map };
  },
};

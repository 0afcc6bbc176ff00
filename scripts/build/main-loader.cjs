'use strict';
// dist/main.js in a build (`npm run build`, the Docker image): runs the bundled bot (po-bot.js)
// with V8's code cache (po-bot.js.codecache), written by the build's training run of start-up and
// /help. Compiling the 1 MB bundle from source is half of a start-up; from the cache it is a
// few milliseconds. A cache V8 refuses (another Node version, a changed bundle) is ignored and the
// bundle compiled from source, as Node would; nothing is written at run time (/app is read-only
// in the image). PO_BOT_CODE_CACHE=write (the build) writes the cache when the process exits;
// PO_BOT_CODE_CACHE=report says on stderr whether it was used. PO_BOT_STARTUP_TRACE=1: see
// src/startup-trace.ts.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

// The start-up trace (src/startup-trace.ts) begins here: Node's own start, then the bundle read.
const trace = process.env.PO_BOT_STARTUP_TRACE === '1' ? (globalThis.__poBotStartup = [['boot', performance.now()]]) : undefined;
const file = join(__dirname, 'po-bot.js');
const cacheFile = `${file}.codecache`;
if (process.sourceMapsEnabled) {
  // --enable-source-maps (stack traces in src/): Node applies source maps only to modules it
  // loads itself, so the bundle is required plainly, without the code cache.
  require(file);
  return;
}
const mode = process.env.PO_BOT_CODE_CACHE;
let cachedData;
if (mode !== 'write') {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache: compiled from source.
  }
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
if (mode === 'report') process.stderr.write(`po-bot: code cache ${cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
if (mode === 'write') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
trace?.push(['compiled', performance.now()]);
const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(__dirname);
Module._cache[file] = bundle;
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, __dirname);
bundle.loaded = true;

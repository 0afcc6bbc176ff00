'use strict';
// The project's jest environment: Node's, plus the worker-wide date-holidays
// (./shared-date-holidays.js) handed to the test files' context.
//
// PO_BOT_HANDLES=<file>: after each test file, appends what the file left open in the worker
// (child processes, pipes, sockets, servers, timers: process.getActiveResourcesInfo() beyond
// what was open before the file), as one JSON line, at once and 500 ms later (jest's grace
// before "A worker process has failed to exit gracefully"). A diagnostic, off by default.
const { appendFileSync } = require('node:fs');
const { TestEnvironment } = require('jest-environment-node');
const SharedHolidays = require('./shared-date-holidays');

function count(list) {
  const m = {};
  for (const r of list) m[r] = (m[r] ?? 0) + 1;
  return m;
}
function beyond(now, before) {
  const out = {};
  for (const [k, n] of Object.entries(count(now))) if (n > (before[k] ?? 0)) out[k] = n - (before[k] ?? 0);
  return out;
}

class PoBotEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const global = this.global;
    // The same class (and caches) for every file, reporting to this file's console (jest sets
    // global.console after constructing the environment, so it is looked up when used).
    this.global.__poBotDateHolidays = class extends SharedHolidays {
      static testConsole() {
        return global.console;
      }
    };
    this.testPath = context.testPath;
    this.handlesBefore = count(process.getActiveResourcesInfo());
  }

  async teardown() {
    await super.teardown();
    const file = process.env.PO_BOT_HANDLES;
    if (!file) return;
    const at0 = beyond(process.getActiveResourcesInfo(), this.handlesBefore);
    await new Promise((r) => setTimeout(r, 500).unref());
    const at500 = beyond(process.getActiveResourcesInfo(), this.handlesBefore);
    appendFileSync(file, JSON.stringify({ file: this.testPath, pid: process.pid, at0, at500 }) + '\n');
  }
}

module.exports = PoBotEnvironment;

'use strict';
// The real date-holidays, loaded once per jest worker (by Node, outside the test files' module
// registries) and each year's list computed once per worker.
//
// Why: the library computes Taiwan's lunar holidays per year with astronomical series (about
// 0.1 s a year natively, more in a cold test context). The bot computes each year once per process
// (src/core/meetings/holidays.ts caches them), but jest gives every test file a registry of its
// own, so every file that shows a meeting loaded the library and recomputed the same years: about
// 9 s of the suite's CPU. The answers are the library's own; only a repeat of the same question
// (same country, rules and year) in the same worker is answered from the first computation.
// Loaded by test/support/jest/environment.js; test files get it through jest.config.js's
// moduleNameMapper (test/support/jest/date-holidays.js).
const Holidays = require('date-holidays');

const years = new Map();

class SharedHolidays extends Holidays {
  /** Everything that shapes the answers (country, options, added rules), in order. */
  setup() {
    if (!Object.prototype.hasOwnProperty.call(this, 'poBotSetup')) this.poBotSetup = [];
    return this.poBotSetup;
  }

  init(...args) {
    this.setup().push(JSON.stringify(['init', args]));
    return super.init(...args);
  }

  setHoliday(...args) {
    // As given (the library adds its parsed rule to the object it was handed).
    this.setup().push(JSON.stringify(['setHoliday', args]));
    // The library reports a rule it cannot parse with console.error ("could not parse rule: …").
    // Loaded here, outside the test files' context, its console is the worker's own: the line went
    // straight to the terminal, unattributed, and no test could expect it. It goes to the console
    // of the test file that asked instead (jest shows it with the file, or the test expects it).
    const outer = console.error;
    const said = [];
    console.error = (...line) => said.push(line);
    try {
      return super.setHoliday(...args);
    } finally {
      console.error = outer;
      const to = this.constructor.testConsole?.() ?? console;
      for (const line of said) to.error(...line);
    }
  }

  getHolidays(year, lang) {
    if (typeof year !== 'number') return super.getHolidays(year, lang);
    const key = JSON.stringify([this.setup(), year, lang ?? null]);
    let list = years.get(key);
    if (!list) years.set(key, (list = super.getHolidays(year, lang)));
    // Copies: a caller that changed what it got cannot change another file's answer.
    return list.map((h) => ({ ...h, start: new Date(h.start.getTime()), end: new Date(h.end.getTime()) }));
  }
}

module.exports = SharedHolidays;

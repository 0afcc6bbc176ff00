'use strict';
// What `require('date-holidays')` gives a test file (jest.config.js, moduleNameMapper): the real
// library as the worker loaded it once (./shared-date-holidays.js, via ./environment.js).
if (!globalThis.__poBotDateHolidays) throw new Error('date-holidays: run the tests with test/support/jest/environment.js (jest.config.js)');
module.exports = globalThis.__poBotDateHolidays;

'use strict';
// The project's jest environment: Node's, plus the worker-wide date-holidays
// (./shared-date-holidays.js) handed to the test files' context.
const { TestEnvironment } = require('jest-environment-node');
const SharedHolidays = require('./shared-date-holidays');

class PoBotEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__poBotDateHolidays = SharedHolidays;
  }
}

module.exports = PoBotEnvironment;

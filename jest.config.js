/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testTimeout: 30000,
  // Jest's default leaves one core free: on the 2-core CI machine that meant one worker, and the
  // suite ran serially (over 60 s with the Docker replay). The suites share no files or ports.
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/support/global.setup.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // Node's environment, plus date-holidays loaded once per worker (test/support/jest/).
  testEnvironment: '<rootDir>/test/support/jest/environment.js',
  moduleNameMapper: { '^date-holidays$': '<rootDir>/test/support/jest/date-holidays.js' },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // *.soak.test.ts run a real chaos soak (about 45 s of a core): `npm run test:soak`, which .ci/run
  // calls beside the soak itself, not part of `npm test`'s minute.
  testPathIgnorePatterns: ['/node_modules/', '\\.soak\\.test\\.ts$'],
  // esbuild, as tsx and the build run src/ (test/support/jest/esbuild-transform.js).
  transform: { '^.+\\.tsx?$': '<rootDir>/test/support/jest/esbuild-transform.js' },
  testTimeout: 30000,
  // Jest's default leaves one core free: on the 2-core CI machine that meant one worker, and the
  // suite ran serially (over 60 s with the Docker replay). The suites share no files or ports.
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/support/global.setup.ts',
};

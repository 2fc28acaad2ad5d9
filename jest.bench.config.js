// Benchmarks that print numbers (npm run bench:stack); never part of npm test.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] };

module.exports = {
  testEnvironment: 'node',
  transform,
  testMatch: ['<rootDir>/packages/chart-gen/bench/**/*.bench.ts'],
  globalSetup: '<rootDir>/packages/chart-gen/test/support/global-setup.js',
};

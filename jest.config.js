// Unit tests live beside the code (src, *.test.ts); tests that drive helm live in packages/chart-gen/test.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/packages/*/src/**/*.test.ts'],
    },
    {
      displayName: 'charts',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/packages/chart-gen/test/**/*.test.ts'],
      globalSetup: '<rootDir>/packages/chart-gen/test/support/global-setup.js',
    },
  ],
};

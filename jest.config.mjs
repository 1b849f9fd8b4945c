/**
 * Jest runs TypeScript as native ESM (Payload's packages are ESM-only), so it needs
 * NODE_OPTIONS=--experimental-vm-modules; `npm test` (scripts/test.mjs) sets it.
 */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.jest.json' }],
}
const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform,
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@collections/(.*)$': '<rootDir>/collections/$1',
    '\\.(css|scss)$': '<rootDir>/tests/helpers/styleStub.cjs',
  },
  testEnvironment: 'node',
}

const config = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.int.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/intTimeout.ts'],
      slowTestThreshold: 30,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/e2eTimeout.ts'],
    },
  ],
}
export default config

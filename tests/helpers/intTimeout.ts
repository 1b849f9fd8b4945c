import { jest } from '@jest/globals'

// Starting Payload on a fresh database and migrating it takes a few seconds alone, and several
// times that on a loaded two-core machine (Postgres, with every migration): a test or hook that
// takes a minute is stuck, not slow.
jest.setTimeout(60_000)

import { jest } from '@jest/globals'

// Starting Payload on a fresh database and migrating it takes a few seconds.
jest.setTimeout(30_000)

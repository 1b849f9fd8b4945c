import { jest } from '@jest/globals'

// Each e2e file starts the real server (and Chromium): a cold start takes several seconds.
jest.setTimeout(180_000)

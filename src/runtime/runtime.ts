import type { Payload } from 'payload'

import type { AkismetConfig } from '@/config/akismet'
import type { AppConfig } from '@/config/appConfig'
import type { JobClaims } from '@/jobs/runner/atomicJobClaims'
import { createSearchIndex } from '@/search/createSearchIndex'
import type { SearchIndex } from '@/search/searchIndex'
import { createAkismetChecker, type SpamChecker } from '@/spam/akismet'
import { createUploadStore } from '@/uploads/createUploadStore'
import type { UploadStore } from '@/uploads/uploadStore'

import { AttemptCounter, AttemptLimiter } from './attemptLimiter'
import { BlockRanges } from './blockRanges'
import { MemoryContentCache, type ContentCache } from './contentCache'
import { ImportRuns } from './importRuns'
import { createInvalidationBus } from './createInvalidationBus'
import type { InvalidationBus } from './invalidationBus'
import { fewAtATime } from '../lib/fewAtATime'
import { MongoAttemptStore } from './mongoAttemptStore'
import { MemoryPageStore, type PageStore } from './pageStore'
import { ResponseScope } from './responseScope'
import { SerialPerKey } from './serialPerKey'
import { createSharedCachePurger, type SharedCachePurger } from './sharedCachePurge'
import { sqlAttemptStore } from './sqlAttemptStore'

export type Akismet = { checker: SpamChecker; config: AkismetConfig }

export type AkismetStatus = {
  state: 'off' | 'unverified' | 'ready' | 'invalid-key' | 'unreachable'
  message: string
}

/**
 * Everything the application keeps while it runs, in one object built at start-up from the
 * configuration and hung on the Payload instance (`payload.config.custom.runtime`). The Express
 * front, Next's pages (a separate module graph in the same process) and Payload's hooks and jobs
 * all reach the same one through `runtimeOf(payload)`; nothing is kept on globalThis or in module
 * variables. Each piece sits behind a small interface, so a shared implementation (database
 * notifications, Redis) can replace the in-process one.
 */
export type Runtime = {
  readonly config: AppConfig
  /** Published-content query results, until a change invalidates them. */
  readonly content: ContentCache
  /** Rendered public pages, served by the Express front. */
  readonly pages: PageStore
  /** The response being answered: a page's HTTP status, the user for the request log. */
  readonly responses: ResponseScope
  /** Akismet, or null when AKISMET_API_KEY is unset. */
  akismet: Akismet | null
  /** What start-up learned about the Akismet key, for the admin's notice. */
  akismetStatus: AkismetStatus
  /**
   * Whether this process runs queued jobs (the server with JOBS=on, and the worker; not tests or
   * scripts), and the jobs it holds (set when Payload starts: src/jobs/runner/guardJobRunner.ts).
   */
  readonly jobs: { runHere: boolean; claims: JobClaims | null }
  /**
   * Attempts counted where every instance sees them (the shared database): sign-ins, password
   * resets and the comment flood interval.
   */
  readonly attempts: AttemptCounter
  /** Sign-in and password-reset attempts, per address and per address and account. */
  readonly signIn: SignInLimits
  readonly spamWork: {
    /** Rechecks and reports of one comment, one at a time and in order. */
    readonly perComment: SerialPerKey
    /** At most a few Akismet checks of the queue at once. */
    readonly checks: <T>(work: () => Promise<T>) => Promise<T>
  }
  /** WordPress imports started from the admin: one at a time, the last few kept. */
  readonly imports: ImportRuns
  /** The active address-range commenter blocks, until a block changes. */
  readonly blockRanges: BlockRanges
  /** The site search's full-text index of published posts, for the configured database. */
  readonly search: SearchIndex
  /** Carries invalidations to and from the other instances (INVALIDATION_BUS). */
  readonly invalidation: InvalidationBus
  /** The shared caches in front to purge after a public change (CDN_PURGE_URL); null if none. */
  readonly sharedCache: SharedCachePurger | null
  /** The S3 bucket uploads are kept in, or null: files in MEDIA_DIR (Payload's own storage). */
  readonly uploads: UploadStore | null
}

export type SignInLimits = {
  /** Sign-ins from one address to one account: a stranger elsewhere cannot lock the staff out. */
  readonly perAccount: AttemptLimiter
  /** Sign-ins from one address, whatever the account (password spraying). */
  readonly perAddress: AttemptLimiter
  /** Password-reset emails asked for one account, and from one address. */
  readonly resetsPerAccount: AttemptLimiter
  readonly resetsPerAddress: AttemptLimiter
}

const MINUTE = 60_000

export const SIGN_IN_LIMITS = {
  perAccount: { attempts: 5, windowMs: 15 * MINUTE },
  perAddress: { attempts: 30, windowMs: 15 * MINUTE },
  resetsPerAccount: { attempts: 3, windowMs: 60 * MINUTE },
  resetsPerAddress: { attempts: 10, windowMs: 60 * MINUTE },
} as const

function createSignInLimits(attempts: AttemptCounter): SignInLimits {
  const limiter = (name: keyof typeof SIGN_IN_LIMITS) =>
    new AttemptLimiter(attempts, name, SIGN_IN_LIMITS[name].attempts, SIGN_IN_LIMITS[name].windowMs)
  return {
    perAccount: limiter('perAccount'),
    perAddress: limiter('perAddress'),
    resetsPerAccount: limiter('resetsPerAccount'),
    resetsPerAddress: limiter('resetsPerAddress'),
  }
}

export const UNVERIFIED_AKISMET: AkismetStatus = {
  state: 'unverified',
  message: 'Akismet has not been checked yet.',
}

export function createRuntime(config: AppConfig): Runtime {
  const { kind } = config.database
  const attempts = new AttemptCounter(
    kind === 'mongodb' ? new MongoAttemptStore() : sqlAttemptStore(kind),
  )
  return {
    config,
    content: new MemoryContentCache(),
    pages: new MemoryPageStore(),
    responses: new ResponseScope(),
    akismet: config.akismet
      ? { config: config.akismet, checker: createAkismetChecker(config.akismet) }
      : null,
    akismetStatus: UNVERIFIED_AKISMET,
    jobs: { runHere: false, claims: null },
    attempts,
    signIn: createSignInLimits(attempts),
    spamWork: { perComment: new SerialPerKey(), checks: fewAtATime(8) },
    imports: new ImportRuns(),
    blockRanges: new BlockRanges(),
    search: createSearchIndex(kind),
    invalidation: createInvalidationBus(config.invalidation.bus),
    sharedCache: createSharedCachePurger(config.invalidation.purgeUrls),
    uploads: createUploadStore(config),
  }
}

type WithConfig = Pick<Payload, 'config'>

/** The runtime of a Payload instance built by createPayloadConfig. */
export function runtimeOf(payload: WithConfig): Runtime {
  const runtime = payload.config.custom?.runtime as Runtime | undefined
  if (!runtime) {
    throw new Error(
      'This Payload instance has no runtime: build its config with createPayloadConfig',
    )
  }
  return runtime
}

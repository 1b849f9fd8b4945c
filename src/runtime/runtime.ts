import type { Payload } from 'payload'

import type { AkismetConfig } from '@/config/akismet'
import type { AppConfig } from '@/config/appConfig'
import type { JobClaims } from '@/jobs/runner/atomicJobClaims'
import { createSearchIndex } from '@/search/createSearchIndex'
import type { SearchIndex } from '@/search/searchIndex'
import { createAkismetChecker, type SpamChecker } from '@/spam/akismet'

import { MemoryAttemptLimiter, type AttemptLimiter } from './attemptLimiter'
import { BlockRanges } from './blockRanges'
import { MemoryContentCache, type ContentCache } from './contentCache'
import { ImportRuns } from './importRuns'
import { fewAtATime } from '../lib/fewAtATime'
import { MemoryPageStore, type PageStore } from './pageStore'
import { ResponseScope } from './responseScope'
import { SerialPerKey } from './serialPerKey'

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

function createSignInLimits(): SignInLimits {
  const limiter = ({ attempts, windowMs }: { attempts: number; windowMs: number }) =>
    new MemoryAttemptLimiter(attempts, windowMs)
  return {
    perAccount: limiter(SIGN_IN_LIMITS.perAccount),
    perAddress: limiter(SIGN_IN_LIMITS.perAddress),
    resetsPerAccount: limiter(SIGN_IN_LIMITS.resetsPerAccount),
    resetsPerAddress: limiter(SIGN_IN_LIMITS.resetsPerAddress),
  }
}

export const UNVERIFIED_AKISMET: AkismetStatus = {
  state: 'unverified',
  message: 'Akismet has not been checked yet.',
}

export function createRuntime(config: AppConfig): Runtime {
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
    signIn: createSignInLimits(),
    spamWork: { perComment: new SerialPerKey(), checks: fewAtATime(8) },
    imports: new ImportRuns(),
    blockRanges: new BlockRanges(),
    search: createSearchIndex(config.database.kind),
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

import type { Payload } from 'payload'

import type { Comment, Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import { createAkismetChecker } from '@/spam/akismet'
import type { AkismetConfig } from '@/config/akismet'
import type { SpamCheckDetails } from '@/spam/spamCheckRecord'

import type { ApiClient } from './api'
import type { FakeAkismet, FakeAkismetRequest } from './fakeAkismet'
import { unique } from './factories'
import type { Refusal, Submitted } from './restBodies'

export const SITE_URL = 'https://blog.example.gov'
export const DAY_MS = 24 * 60 * 60_000

/** Settings as readAkismetConfig would build them, pointed at the local fake Akismet. */
export function akismetConfigFor(
  fake: Pick<FakeAkismet, 'url' | 'validKey'>,
  overrides: Partial<AkismetConfig> = {},
): AkismetConfig {
  return {
    apiKey: fake.validKey,
    siteUrl: SITE_URL,
    apiUrl: fake.url,
    timeoutMs: 500,
    testMode: true,
    retryIntervalMs: 20 * 60_000,
    giveUpAfterMs: 15 * DAY_MS,
    ...overrides,
  }
}

/**
 * Turns Akismet on (the real wrapper and akismet-api client) or off (null), exactly where
 * the runtime keeps it when AKISMET_API_KEY is set or not.
 */
export function useAkismet(payload: Payload, config: AkismetConfig | null): void {
  runtimeOf(payload).akismet = config ? { config, checker: createAkismetChecker(config) } : null
}

export type SubmitOptions = { ip?: string; headers?: Record<string, string>; token?: string }

let addressCounter = 0
/** A documentation address not used before in this run, so the flood limit never applies. */
export function freshIp(): string {
  addressCounter++
  return `10.77.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`
}

/** POST /api/comments as a reader's browser sends it (through the Express front: X-Real-IP). */
export function commentSubmitter(api: () => ApiClient, post: () => Post) {
  return (data: Record<string, unknown> = {}, options: SubmitOptions = {}) =>
    api().call<Submitted & Refusal>('POST', '/comments', {
      token: options.token,
      headers: {
        'x-real-ip': options.ip ?? freshIp(),
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
        ...options.headers,
      },
      json: {
        post: post().id,
        authorName: `Dana Reader ${unique()}`,
        authorEmail: `dana-${unique()}@example.org`,
        body: `Will the river gauges be replaced this year? (${unique()})`,
        ...data,
      },
    })
}

export type StoredComment = Comment & {
  spamCheck: NonNullable<Comment['spamCheck']> & { details: SpamCheckDetails | null }
}

/** The comment as stored, private fields and the spam check record included. */
export async function storedComment(payload: Payload, id: number | string) {
  const doc = await payload.findByID({ collection: 'comments', id, depth: 0 })
  return doc as StoredComment
}

export type SpamTask = 'recheckSpam' | 'reportToAkismet' | 'notifyModerators'

/** The queued (not yet completed) jobs of one task, for one comment when given. */
export async function jobsOf(payload: Payload, task: SpamTask, commentId?: number | string) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: task } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
  })
  return commentId === undefined
    ? docs
    : docs.filter((job) => (job.input as { comment?: string }).comment === String(commentId))
}

/** Moves every queued job of a task into the past: as if its wait (retry interval) had passed. */
export async function makeDue(payload: Payload, task: SpamTask): Promise<void> {
  await payload.update({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: task }, completedAt: { exists: false } },
    data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    depth: 0,
  })
}

/** Removes every queued job, so one test's leftovers never run in another. */
export async function clearJobs(payload: Payload): Promise<void> {
  // The adapter's own deleteMany: Payload's bulk delete removes only the first page of matches.
  await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { exists: true } } })
}

/** What the fake Akismet received at one endpoint, optionally only for one comment's text. */
export function received(
  fake: FakeAkismet,
  endpoint: 'comment-check' | 'submit-spam' | 'submit-ham' | 'verify-key',
  content?: string,
): FakeAkismetRequest[] {
  return fake.requests.filter(
    (request) =>
      request.path === `/1.1/${endpoint}` &&
      (content === undefined || request.fields.comment_content === content),
  )
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

import type { Payload } from 'payload'

import { CACHE_TAGS } from './cacheTags'
import { settledWithin } from './invalidationBus'
import { runtimeOf, type Runtime } from './runtime'

/**
 * Hooks run inside the write's transaction, and a notice from another instance may arrive before
 * that write commits: a read in between could put the old data back. So every invalidation is
 * checked once more this much later, and the shared caches in front are purged again.
 */
export const RECHECK_AFTER_MS = 1000

/**
 * How long a write waits for its notice and first purge to be sent. They leave before the write
 * commits, so when the write answers, every instance and the cache in front have dropped the old
 * pages: the next request anywhere shows the change. Bounded: a bus or cache that does not answer
 * delays a write this much at most (the send goes on, and its failure is logged).
 */
export const WAIT_FOR_NOTICE_MS = 500

/** A change to commenter blocks drops the cached ranges; no page shows them. */
const touchesContent = (tag: string) => tag !== CACHE_TAGS.commenterBlocks

/**
 * Applies an invalidation to this instance's caches, whichever instance made the change: the
 * content cache (whose generation the stored pages check) and the commenter block ranges.
 * Again a moment later, for whatever was loaded in between.
 */
export function applyInvalidation({ content, blockRanges }: Runtime, tags: string[]): void {
  const ranges = tags.includes(CACHE_TAGS.commenterBlocks)
  const contentTags = tags.filter(touchesContent)
  if (ranges) blockRanges.invalidate()
  if (contentTags.length > 0) content.invalidate(contentTags)
  const mark = content.loadMark
  setTimeout(() => {
    if (ranges) blockRanges.invalidate()
    if (contentTags.length > 0) content.invalidateLoadedSince(contentTags, mark)
  }, RECHECK_AFTER_MS).unref()
}

/** Everything this instance cached, after notices may have been missed (a bus reconnected). */
export function dropEverything({ content, pages, blockRanges }: Runtime): void {
  content.invalidateAll()
  pages.clear()
  blockRanges.invalidate()
}

/**
 * A change made here: this instance's caches, the other instances' (through the bus) and, when
 * readers can see it, the shared caches in front (CDN_PURGE_URL), now and again a moment later.
 * Resolves once the notice and the first purge are sent, or after WAIT_FOR_NOTICE_MS; never
 * throws (failures are logged by the bus and the purger).
 */
export async function invalidateEverywhere(payload: Payload, tags: string[]): Promise<void> {
  const runtime = runtimeOf(payload)
  applyInvalidation(runtime, tags)
  const sent: Promise<void>[] = [runtime.invalidation.publish(tags, payload.logger)]
  const purger = runtime.sharedCache
  if (purger && tags.some(touchesContent)) {
    sent.push(purger.purge(payload.logger))
    setTimeout(() => void purger.purge(payload.logger), RECHECK_AFTER_MS).unref()
  }
  await settledWithin(Promise.all(sent), WAIT_FOR_NOTICE_MS)
}

/** Payload's onInit: this instance starts applying the others' changes. */
export async function listenForInvalidations(payload: Payload): Promise<void> {
  const runtime = runtimeOf(payload)
  await runtime.invalidation.subscribe(
    {
      notice: (tags) => applyInvalidation(runtime, tags),
      missed: () => dropEverything(runtime),
    },
    payload.logger,
  )
}

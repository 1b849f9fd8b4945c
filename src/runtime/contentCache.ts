import { CACHE_TAGS } from './cacheTags'

/**
 * The public site's data cache: results of published-content queries, kept until a change to what
 * they were read from. Collection hooks call `invalidate()` with tags ("posts", "comments:<postId>",
 * "settings"...), from whichever path made the change: REST, GraphQL, the admin, a server action,
 * a scheduled job. It hangs on the runtime (src/runtime/runtime.ts); `MemoryContentCache` is the
 * one-process implementation, and a shared one can take its place behind this interface.
 */
export interface ContentCache {
  /** The cached value for `key`, or the result of `load()`, remembered under `tags`. */
  get<T>(key: string, tags: string[], load: () => Promise<T>): Promise<T>
  /** Drops every entry carrying any of `tags`, and moves the generation on. */
  invalidate(tags: string[]): void
  /** Counts invalidations: anything kept from an earlier generation may show old content. */
  readonly generation: number
  /** A mark of the present, for `invalidateLoadedSince`. */
  readonly loadMark: number
  /** Invalidates `tags` again only if something carrying them was loaded after `mark`. */
  invalidateLoadedSince(tags: string[], mark: number): void
  /**
   * Drops every entry, moves the generation on, and keeps nothing a load already under way
   * returns: after notices from other instances may have been missed.
   */
  invalidateAll(): void
  clear(): void
}

type Entry = { value: Promise<unknown>; tags: string[] }

export class MemoryContentCache implements ContentCache {
  private readonly entries = new Map<string, Entry>()
  private readonly versions = new Map<string, number>()
  /** Loads started so far, and the count at each tag's latest load. */
  private loads = 0
  private readonly lastLoad = new Map<string, number>()
  hits = 0
  misses = 0
  /** Counts invalidations: anything kept from an earlier generation may show old content. */
  generation = 0

  constructor(private readonly maxEntries = 1000) {}

  /** The cached value for `key`, or the result of `load()`, remembered under `tags`. */
  async get<T>(key: string, given: string[], load: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key)
    if (found) {
      this.hits++
      // Refresh its place: the least recently used entry is the one evicted.
      this.entries.delete(key)
      this.entries.set(key, found)
      return found.value as Promise<T>
    }
    this.misses++
    this.loads++
    // Every entry carries `everything` too: one bulk change drops them all.
    const tags = [...given, CACHE_TAGS.everything]
    for (const tag of tags) this.lastLoad.set(tag, this.loads)
    const started = tags.map((tag) => this.versions.get(tag) ?? 0)
    const value = load()
    this.entries.set(key, { value, tags })
    this.evict()
    value.then(
      () => {
        // Invalidated while loading: the result may predate the change, so do not keep it.
        const changed = tags.some((tag, i) => (this.versions.get(tag) ?? 0) !== started[i])
        if (changed && this.entries.get(key)?.value === value) this.entries.delete(key)
      },
      () => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key)
      },
    )
    return value
  }

  /** Drops every entry carrying any of `tags`. */
  invalidate(tags: string[]): void {
    this.generation++
    for (const tag of tags) this.versions.set(tag, (this.versions.get(tag) ?? 0) + 1)
    const set = new Set(tags)
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => set.has(tag))) this.entries.delete(key)
    }
  }

  /** A mark of the present, for `invalidateLoadedSince`. */
  get loadMark(): number {
    return this.loads
  }

  /**
   * Invalidates `tags` again only if something carrying them was loaded after `mark`: a read
   * that raced a write's commit may have cached the old data, and nothing else needs dropping
   * (nor the pages built on it).
   */
  invalidateLoadedSince(tags: string[], mark: number): void {
    if (tags.some((tag) => (this.lastLoad.get(tag) ?? 0) > mark)) this.invalidate(tags)
  }

  /** A load under way is dropped with its entry: its result is returned but not kept. */
  invalidateAll(): void {
    this.generation++
    this.entries.clear()
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }

  private evict() {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
    }
  }
}

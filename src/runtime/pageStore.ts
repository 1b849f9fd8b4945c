/** A rendered public page as the Express front stored it. */
export type StoredPage = {
  status: number
  headers: Record<string, string | string[]>
  body: Buffer
  /** The content cache's generation the page was rendered from. */
  generation: number
  storedAt: number
}

/**
 * Rendered public pages, by request key. `MemoryPageStore` keeps them in this process; a shared
 * store (or a CDN in front) can take its place behind this interface.
 */
export interface PageStore {
  get(key: string): StoredPage | undefined
  set(key: string, page: StoredPage): void
  delete(key: string): void
  clear(): void
}

/**
 * At most `maxEntries` pages and `maxBytes` of page bodies (a post page with a long discussion
 * weighs hundreds of kilobytes); the page stored longest ago is dropped first.
 */
export class MemoryPageStore implements PageStore {
  private readonly pages = new Map<string, StoredPage>()
  private bytes = 0
  private readonly maxEntries: number
  private readonly maxBytes: number

  constructor({ maxEntries = 500, maxBytes = 32 * 1024 * 1024 } = {}) {
    this.maxEntries = maxEntries
    this.maxBytes = maxBytes
  }

  get(key: string): StoredPage | undefined {
    return this.pages.get(key)
  }

  set(key: string, page: StoredPage): void {
    this.delete(key)
    if (page.body.length > this.maxBytes) return
    this.pages.set(key, page)
    this.bytes += page.body.length
    while (this.pages.size > this.maxEntries || this.bytes > this.maxBytes) {
      this.delete(this.pages.keys().next().value as string)
    }
  }

  delete(key: string): void {
    const page = this.pages.get(key)
    if (!page) return
    this.bytes -= page.body.length
    this.pages.delete(key)
  }

  clear(): void {
    this.pages.clear()
    this.bytes = 0
  }

  get size(): number {
    return this.pages.size
  }

  /** Bytes of page bodies held. */
  get storedBytes(): number {
    return this.bytes
  }
}

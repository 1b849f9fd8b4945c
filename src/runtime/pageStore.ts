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

/** At most `maxEntries` pages; the oldest stored is dropped first. */
export class MemoryPageStore implements PageStore {
  private readonly pages = new Map<string, StoredPage>()

  constructor(private readonly maxEntries = 500) {}

  get(key: string): StoredPage | undefined {
    return this.pages.get(key)
  }

  set(key: string, page: StoredPage): void {
    this.pages.delete(key)
    this.pages.set(key, page)
    while (this.pages.size > this.maxEntries) {
      this.pages.delete(this.pages.keys().next().value as string)
    }
  }

  delete(key: string): void {
    this.pages.delete(key)
  }

  clear(): void {
    this.pages.clear()
  }

  get size(): number {
    return this.pages.size
  }
}

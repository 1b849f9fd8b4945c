import { BlockList } from 'node:net'

import { parseRange } from '@/comments/blocks/blockValues'

/** An active range block, as the submission check needs it. */
export type RangeBlock = {
  id: number | string
  value: string
  reason: string
  until: string | null
}

/**
 * The active address-range blocks, kept between submissions: exact email and IP blocks are found
 * by an indexed query, but "is this address inside any range?" cannot be, so the few range blocks
 * are loaded once and matched here. A change to any block invalidates the list (the collection's
 * afterChange hook); the next submission loads it again. A shared implementation (database
 * notifications, Redis) can replace this one when several processes serve comments.
 */
export class BlockRanges {
  private loaded: Promise<RangeBlock[]> | null = null

  /** The active ranges, loading them with `load` when nothing is kept. */
  async list(load: () => Promise<RangeBlock[]>): Promise<RangeBlock[]> {
    if (!this.loaded) {
      const loading = load()
      this.loaded = loading
      // A failed load is not kept: the next submission tries again.
      loading.catch(() => {
        if (this.loaded === loading) this.loaded = null
      })
    }
    return this.loaded
  }

  invalidate(): void {
    this.loaded = null
  }

  /** The first range containing `ip` that has not ended by `now`, or null. */
  static match(ranges: RangeBlock[], ip: string, now: Date): RangeBlock | null {
    const family = ip.includes(':') ? 'ipv6' : 'ipv4'
    for (const block of ranges) {
      if (block.until && new Date(block.until) <= now) continue
      const range = parseRange(block.value)
      if (!range) continue
      const list = new BlockList()
      list.addSubnet(range.network, range.prefix, range.family)
      if (list.check(ip, family)) return block
    }
    return null
  }
}

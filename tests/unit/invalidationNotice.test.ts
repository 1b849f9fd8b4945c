import { decodeNotice, encodeNotice } from '@/runtime/invalidationNotice'
import { MemoryContentCache } from '@/runtime/contentCache'
import { BlockRanges } from '@/runtime/blockRanges'
import { MemoryPageStore } from '@/runtime/pageStore'
import { applyInvalidation, dropEverything } from '@/runtime/sharedInvalidation'
import type { Runtime } from '@/runtime/runtime'

describe('invalidation notices', () => {
  it('carry the tags and the sending instance', () => {
    const text = encodeNotice({ origin: 'instance-1', tags: ['comments', 'comments:7'] })
    expect(decodeNotice(text)).toEqual({ origin: 'instance-1', tags: ['comments', 'comments:7'] })
  })

  it.each([
    'not json',
    'null',
    '"posts"',
    '{"tags":["posts"]}',
    '{"origin":"a","tags":[]}',
    '{"origin":"a","tags":"posts"}',
    '{"origin":"a","tags":[1]}',
    `{"origin":"a","tags":["${'x'.repeat(201)}"]}`,
  ])('ignore what is not one of ours: %s', (text) => {
    expect(decodeNotice(text)).toBeNull()
  })
})

describe('applying an invalidation', () => {
  const runtimeWith = () =>
    ({
      content: new MemoryContentCache(),
      pages: new MemoryPageStore(),
      blockRanges: new BlockRanges(),
    }) as unknown as Runtime & { content: MemoryContentCache }

  it('drops the commenter block ranges without moving the pages’ generation', async () => {
    const runtime = runtimeWith()
    let loads = 0
    const load = async () => (loads++, [])
    await runtime.blockRanges.list(load)
    applyInvalidation(runtime, ['commenter-blocks'])
    await runtime.blockRanges.list(load)
    expect(loads).toBe(2)
    expect(runtime.content.generation).toBe(0)
  })

  it('drops everything after missed notices, including a load already under way', async () => {
    const runtime = runtimeWith()
    await runtime.content.get('a', ['posts'], async () => 'old')
    let finish: (value: string) => void = () => undefined
    const slow = runtime.content.get('b', ['settings'], () => new Promise((r) => (finish = r)))
    dropEverything(runtime)
    finish('old')
    await slow
    expect(runtime.content.size).toBe(0)
    expect(runtime.content.generation).toBe(1)
  })
})

import { emptySummary } from '@/import/wxr/importSummary'
import { ImportBusy, ImportRuns } from '@/runtime/importRuns'

describe('ImportRuns', () => {
  it('lets one import work at a time, and the next once it has finished or failed', () => {
    const runs = new ImportRuns()
    const first = runs.begin('a.xml', false)
    expect(() => runs.begin('b.xml', false)).toThrow(ImportBusy)
    expect(() => runs.begin('b.xml', false)).toThrow(/import of a\.xml is already under way/)
    runs.started(first.id, { totalPosts: 2, totalComments: 3 })
    expect(() => runs.begin('b.xml', false)).toThrow(ImportBusy)
    runs.finish(first.id, emptySummary(), ['  posts 0 created'])
    const second = runs.begin('b.xml', true)
    runs.fail(second.id, 'disk full')
    expect(runs.get(second.id)).toMatchObject({ state: 'failed', error: 'disk full' })
    expect(runs.begin('c.xml', false).state).toBe('checking')
  })

  it('follows a run from its totals through its progress to its summary', () => {
    const runs = new ImportRuns()
    const { id } = runs.begin('a.xml', true)
    runs.started(id, { totalPosts: 2, totalComments: 3 })
    expect(runs.active()).toMatchObject({ id, state: 'running', archive: true })
    runs.progress(id, { posts: 1, comments: 2, totalPosts: 2, totalComments: 3 })
    expect(runs.get(id)!.progress).toEqual({
      posts: 1,
      comments: 2,
      totalPosts: 2,
      totalComments: 3,
    })
    runs.finish(id, emptySummary(), ['line'], new Date('2026-12-01T00:00:00Z'))
    expect(runs.get(id)).toMatchObject({
      state: 'finished',
      lines: ['line'],
      finishedAt: '2026-12-01T00:00:00.000Z',
    })
    expect(runs.active()).toBeNull()
  })

  it('hands out copies: a caller cannot change a kept run', () => {
    const runs = new ImportRuns()
    const { id } = runs.begin('a.xml', false)
    runs.get(id)!.state = 'finished'
    expect(runs.get(id)!.state).toBe('checking')
  })

  it('keeps the last few runs, and none that was discarded', () => {
    const runs = new ImportRuns(3)
    const ids = Array.from({ length: 5 }, (_, i) => {
      const { id } = runs.begin(`${i}.xml`, false)
      runs.fail(id, 'stopped')
      return id
    })
    expect(ids.map((id) => runs.get(id) !== null)).toEqual([false, false, true, true, true])
    const refused = runs.begin('broken.xml', false)
    runs.discard(refused.id)
    expect(runs.get(refused.id)).toBeNull()
    expect(runs.active()).toBeNull()
  })
})

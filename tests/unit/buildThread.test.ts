import { runInNewContext } from 'node:vm'

import { buildThread, type ThreadComment, type ThreadNode } from '@/comments/rules/buildThread'

const START = Date.parse('2026-03-04T14:00:00.000Z')

/** Comment `id`, replying to `parent`, posted `minute` minutes after the start. */
const comment = (
  id: number | string,
  parent: number | string | null,
  minute: number,
): ThreadComment => ({
  id,
  parent,
  authorName: `Author ${id}`,
  authorUrl: null,
  body: `Body ${id}`,
  createdAt: new Date(START + minute * 60_000).toISOString(),
})

type Shape = { id: number | string; number: number; depth: number; replies: Shape[] }
const shape = (nodes: ThreadNode[]): Shape[] =>
  nodes.map(({ id, number, depth, replies }) => ({ id, number, depth, replies: shape(replies) }))
const leaf = (id: number | string, number: number, depth: number): Shape => ({
  id,
  number,
  depth,
  replies: [],
})

/** A chain where comment i + 1 replies to comment i, posted in that order. */
const chain = (length: number): ThreadComment[] =>
  Array.from({ length }, (_, i) => comment(i + 1, i === 0 ? null : i, i))

/** Fails instead of hanging: Jest's timeout cannot interrupt a synchronous endless loop. */
const within = <T>(ms: number, run: () => T): T =>
  runInNewContext('run()', { run }, { timeout: ms }) as T

describe('buildThread', () => {
  it('returns no nodes for no comments', () => {
    expect(buildThread([])).toEqual([])
  })

  it('lists top-level comments oldest first and numbers all comments in date order', () => {
    const comments = [comment(3, null, 2), comment(4, 1, 3), comment(1, null, 0), comment(2, 1, 1)]
    expect(shape(buildThread(comments))).toEqual([
      { id: 1, number: 1, depth: 1, replies: [leaf(2, 2, 2), leaf(4, 4, 2)] },
      leaf(3, 3, 1),
    ])
  })

  it('orders comments posted at the same time by id, numerically', () => {
    const comments = [comment(10, null, 0), comment(9, null, 0), comment(2, null, 0)]
    expect(shape(buildThread(comments))).toEqual([leaf(2, 1, 1), leaf(9, 2, 1), leaf(10, 3, 1)])
  })

  it('keeps every field of the comment on its node', () => {
    const reply = { ...comment(2, 1, 1), authorUrl: 'https://example.com/' }
    expect(buildThread([comment(1, null, 0), reply])).toEqual([
      {
        ...comment(1, null, 0),
        number: 1,
        depth: 1,
        replies: [{ ...reply, number: 2, depth: 2, replies: [] }],
      },
    ])
  })

  it('nests replies under their parents, each list oldest first', () => {
    const comments = [
      comment(1, null, 0),
      comment(2, 1, 1),
      comment(3, 2, 2),
      comment(4, null, 3),
      comment(5, 1, 4),
      comment(6, 2, 5),
      comment(7, 4, 6),
    ]
    expect(shape(buildThread(comments.reverse()))).toEqual([
      {
        id: 1,
        number: 1,
        depth: 1,
        replies: [
          { id: 2, number: 2, depth: 2, replies: [leaf(3, 3, 3), leaf(6, 6, 3)] },
          leaf(5, 5, 2),
        ],
      },
      { id: 4, number: 4, depth: 1, replies: [leaf(7, 7, 2)] },
    ])
  })

  it('matches a parent id given as a string to a numeric id', () => {
    expect(shape(buildThread([comment(1, null, 0), comment(2, '1', 1)]))).toEqual([
      { id: 1, number: 1, depth: 1, replies: [leaf(2, 2, 2)] },
    ])
  })

  it('shows replies below depth 5 at depth 5, in date order with replies at that level', () => {
    const comments = [...chain(7), comment(8, 4, 7)]
    expect(shape(buildThread(comments))).toEqual([
      {
        id: 1,
        number: 1,
        depth: 1,
        replies: [
          {
            id: 2,
            number: 2,
            depth: 2,
            replies: [
              {
                id: 3,
                number: 3,
                depth: 3,
                replies: [
                  {
                    id: 4,
                    number: 4,
                    depth: 4,
                    replies: [leaf(5, 5, 5), leaf(6, 6, 5), leaf(7, 7, 5), leaf(8, 8, 5)],
                  },
                ],
              },
            ],
          },
        ],
      },
    ])
  })

  it('flattens at a custom maxDepth', () => {
    const comments = [...chain(4), comment(5, null, 4), comment(6, 5, 5)]
    expect(shape(buildThread(comments, 2))).toEqual([
      { id: 1, number: 1, depth: 1, replies: [leaf(2, 2, 2), leaf(3, 3, 2), leaf(4, 4, 2)] },
      { id: 5, number: 5, depth: 1, replies: [leaf(6, 6, 2)] },
    ])
  })

  it('lists every comment at the top level when maxDepth is 1', () => {
    expect(shape(buildThread(chain(3), 1))).toEqual([leaf(1, 1, 1), leaf(2, 2, 1), leaf(3, 3, 1)])
  })

  it('rejects a maxDepth that is not a whole number of at least 1', () => {
    expect(() => buildThread([], 0)).toThrow(RangeError)
    expect(() => buildThread([], 2.5)).toThrow(RangeError)
  })

  it('shows a reply whose parent is not in the list as top-level, with its own replies', () => {
    const comments = [comment(1, null, 0), comment(2, 99, 1), comment(3, 2, 2), comment(4, null, 3)]
    expect(shape(buildThread(comments))).toEqual([
      leaf(1, 1, 1),
      { id: 2, number: 2, depth: 1, replies: [leaf(3, 3, 2)] },
      leaf(4, 4, 1),
    ])
  })

  it('shows comments whose parent chain loops as top-level, without hanging', () => {
    const comments = [
      comment(1, 2, 0),
      comment(2, 1, 1),
      comment(3, 3, 2),
      comment(4, 1, 3),
      comment(5, null, 4),
      comment(6, 5, 5),
    ]
    expect(shape(within(1000, () => buildThread(comments)))).toEqual([
      leaf(1, 1, 1),
      leaf(2, 2, 1),
      leaf(3, 3, 1),
      leaf(4, 4, 1),
      { id: 5, number: 5, depth: 1, replies: [leaf(6, 6, 2)] },
    ])
  })

  it('handles a 1000-deep chain, flattened at depth 5', () => {
    const flattened = Array.from({ length: 996 }, (_, i) => leaf(i + 5, i + 5, 5))
    const expected = [4, 3, 2, 1].reduce<Shape[]>(
      (replies, n) => [{ id: n, number: n, depth: n, replies }],
      flattened,
    )
    expect(shape(buildThread(chain(1000)))).toEqual(expected)
  })

  it('handles a 1000-deep chain posted newest first without limiting depth', () => {
    const comments = Array.from({ length: 1000 }, (_, i) => comment(i + 1, i === 0 ? null : i, -i))
    const expected = Array.from({ length: 999 }, (_, i) => 999 - i).reduce<Shape[]>(
      (replies, n) => [{ id: n, number: 1001 - n, depth: n, replies }],
      [leaf(1000, 1, 1000)],
    )
    expect(shape(buildThread(comments, 1000))).toEqual(expected)
  })

  it('handles a 100,000-deep chain without recursion', () => {
    const [root] = buildThread(chain(100_000), 100_000)
    let node = root
    while (node.replies.length === 1) node = node.replies[0]
    expect([node.id, node.number, node.depth, node.replies]).toEqual([
      100_000,
      100_000,
      100_000,
      [],
    ])
  })

  it('leaves its input unchanged', () => {
    const comments = Object.freeze(
      chain(7)
        .map((c) => Object.freeze(c))
        .reverse(),
    )
    const before = JSON.stringify(comments)
    buildThread([...comments])
    expect(JSON.stringify(comments)).toBe(before)
  })
})

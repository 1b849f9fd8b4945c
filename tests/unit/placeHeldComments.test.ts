import { placeHeldComments, type HeldComment } from '@/comments/held/placeHeldComments'
import { buildThread, type ThreadComment } from '@/comments/rules/buildThread'

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`

function comment(id: number, parent: number | null, minute: number, number: number): ThreadComment {
  return {
    id,
    parent,
    authorName: `R${id}`,
    authorUrl: null,
    body: `b${id}`,
    createdAt: at(minute),
    number,
  }
}
function held(id: number, parent: number | null, minute: number): HeldComment {
  return { ...comment(id, parent, minute, 0), number: undefined, thread: parent }
}

const page = [comment(1, null, 0, 1), comment(2, 1, 1, 2), comment(3, null, 2, 3)]

describe('placeHeldComments', () => {
  it("puts a held reply under its parent, unnumbered, without changing the others' numbers", () => {
    const nodes = buildThread(placeHeldComments(page, [held(9, 1, 5)], { lastPage: false }))
    expect(nodes.map((n) => [n.id, n.number])).toEqual([
      [1, 1],
      [3, 3],
    ])
    expect(nodes[0].replies.map((n) => [n.id, n.number, n.held ?? false])).toEqual([
      [2, 2, false],
      [9, 0, true],
    ])
  })

  it('shows a held top-level comment on the last page only, at its end', () => {
    const heldTop = [held(8, null, 9)]
    expect(
      buildThread(placeHeldComments(page, heldTop, { lastPage: false })).map((n) => n.id),
    ).toEqual([1, 3])
    expect(
      buildThread(placeHeldComments(page, heldTop, { lastPage: true })).map((n) => n.id),
    ).toEqual([1, 3, 8])
  })

  it('leaves out a held reply whose parent is on another page', () => {
    expect(placeHeldComments(page, [held(7, 42, 9)], { lastPage: true })).toEqual(page)
  })
})

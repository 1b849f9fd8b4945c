import { pageSlots } from '@/lib/pageSlots'

describe('lib.pageSlots', () => {
  it('shows every page up to seven', () => {
    expect(pageSlots(1, 1)).toEqual([1])
    expect(pageSlots(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('shows seven slots for more: the ends, the current page and its neighbours, gaps between', () => {
    expect(pageSlots(1, 1000)).toEqual([1, 2, 3, 4, 5, 'gap', 1000])
    expect(pageSlots(4, 1000)).toEqual([1, 2, 3, 4, 5, 'gap', 1000])
    expect(pageSlots(5, 1000)).toEqual([1, 'gap', 4, 5, 6, 'gap', 1000])
    expect(pageSlots(500, 1000)).toEqual([1, 'gap', 499, 500, 501, 'gap', 1000])
    expect(pageSlots(997, 1000)).toEqual([1, 'gap', 996, 997, 998, 999, 1000])
    expect(pageSlots(1000, 1000)).toEqual([1, 'gap', 996, 997, 998, 999, 1000])
  })

  it('always holds the current page, the first and the last, in order, at most seven', () => {
    for (const total of [8, 9, 10, 50]) {
      for (let page = 1; page <= total; page++) {
        const slots = pageSlots(page, total)
        const pages = slots.filter((slot): slot is number => slot !== 'gap')
        expect(slots.length).toBeLessThanOrEqual(7)
        expect(pages).toContain(page)
        expect(pages[0]).toBe(1)
        expect(pages.at(-1)).toBe(total)
        expect([...pages].sort((a, b) => a - b)).toEqual(pages)
      }
    }
  })
})

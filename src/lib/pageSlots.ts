export type PageSlot = number | 'gap'

/**
 * Which page links a pagination shows: all of them up to seven pages, else seven slots (the
 * USWDS pattern): the first and last page, the current one and its neighbours, and gaps for the
 * rest. A discussion of a thousand pages still renders seven links.
 */
export function pageSlots(page: number, totalPages: number): PageSlot[] {
  if (totalPages <= 7) return Array.from({ length: totalPages }, (_, i) => i + 1)
  if (page <= 4) return [1, 2, 3, 4, 5, 'gap', totalPages]
  if (page >= totalPages - 3) {
    return [1, 'gap', ...Array.from({ length: 5 }, (_, i) => totalPages - 4 + i)]
  }
  return [1, 'gap', page - 1, page, page + 1, 'gap', totalPages]
}

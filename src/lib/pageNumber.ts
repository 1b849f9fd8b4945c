/**
 * The page asked for in `?page=`: 1 when absent, null when it is not a positive whole number
 * (the page then answers 404 rather than guessing).
 */
export function pageNumber(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1
  if (Array.isArray(value) || !/^[1-9]\d{0,5}$/.test(value)) return null
  return Number(value)
}

export type Id = number | string

/**
 * The id of a relationship value, whether it arrived as an id or as a populated document; null
 * for anything else (empty, missing, a blank form field).
 */
export function idOf(value: unknown): Id | null {
  if (value && typeof value === 'object' && 'id' in value) return idOf(value.id)
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null
}

import { NotFound, type CollectionBeforeOperationHook, type Where } from 'payload'

import { staffUser } from '@/access/roles'
import { RequestRefused } from '@/api/requestRefused'

/** How far a REST or GraphQL filter may go. */
export const QUERY_LIMITS = {
  /** Conditions in one `where`, counting those inside `and` / `or`. */
  conditions: 50,
  /** Nesting of `and` / `or`. */
  depth: 5,
  /** Dots in a field path the public may filter on: `post.slug`, not `post.createdBy.email`. */
  publicPathDots: 1,
} as const

const badQuery = (message: string) => new RequestRefused(message, 400)

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function checkWhere(where: unknown, publicCaller: boolean) {
  let conditions = 0
  const visit = (node: unknown, depth: number) => {
    if (!isPlainObject(node)) throw badQuery('The `where` filter must be an object of conditions.')
    if (depth > QUERY_LIMITS.depth) {
      throw badQuery(`The \`where\` filter nests and/or more than ${QUERY_LIMITS.depth} deep.`)
    }
    for (const [key, value] of Object.entries(node)) {
      // Payload takes `and` / `or` in any case (GraphQL's filters say AND / OR).
      if (/^(?:and|or)$/i.test(key)) {
        if (!Array.isArray(value)) throw badQuery(`\`${key}\` must be a list of conditions.`)
        for (const item of value) visit(item, depth + 1)
        continue
      }
      conditions += 1
      if (conditions > QUERY_LIMITS.conditions) {
        throw badQuery(`The \`where\` filter has more than ${QUERY_LIMITS.conditions} conditions.`)
      }
      if (!isPlainObject(value)) {
        throw badQuery(`The condition on \`${key}\` must name an operator, e.g. [equals].`)
      }
      const dots = key.split(/\.|__/).length - 1
      if (publicCaller && dots > QUERY_LIMITS.publicPathDots) {
        throw badQuery(`Filtering on \`${key}\` is not allowed: filters reach one relation deep.`)
      }
    }
  }
  visit(where, 0)
}

function isValidId(id: unknown, idType: 'number' | 'text'): boolean {
  if (typeof id === 'number') return idType === 'number' && Number.isSafeInteger(id) && id > 0
  if (typeof id !== 'string') return false
  return idType === 'number' ? /^[1-9]\d{0,15}$/.test(id) : /^[\w-]{1,64}$/.test(id)
}

/**
 * Refuses, before Payload's query machinery sees them, REST and GraphQL queries that are not
 * well-formed or that reach too far: a `where` that is not an object of conditions (400), filters
 * larger or deeper than QUERY_LIMITS, public filters through more than one relation (which also
 * sidestep a Payload rejection that escapes its promise chain), and document ids of the wrong
 * shape for the database (404, as for any id that does not exist). Server code is trusted.
 */
export const refuseBadQueries: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI === 'local') return args
  const { id, where } = args as { id?: unknown; where?: Where }
  if (id !== undefined && !isValidId(id, req.payload.db.defaultIDType)) throw new NotFound(req.t)
  if (where !== undefined && where !== null) checkWhere(where, !staffUser(req))
  return args
}

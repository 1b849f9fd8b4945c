import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

/** The most a GraphQL document may ask for, counted with its fragments expanded. */
export const GRAPHQL_LIMITS = { tokens: 20_000, fields: 500, depth: 12 } as const

type Shape = { fields: number; depth: number }

/**
 * The fields and nesting a document asks for, fragments expanded (each counted wherever it is
 * spread); throws on a fragment that spreads itself, directly or through others.
 */
function measure(document: DocumentNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition)
    }
  }
  const measured = new Map<string, Shape>()
  const inProgress = new Set<string>()

  const fragmentShape = (name: string): Shape => {
    const known = measured.get(name)
    if (known) return known
    const fragment = fragments.get(name)
    if (!fragment) return { fields: 0, depth: 0 } // graphql-js reports the unknown fragment
    if (inProgress.has(name)) throw new Error(`Fragment "${name}" spreads itself.`)
    inProgress.add(name)
    const shape = selectionShape(fragment.selectionSet)
    inProgress.delete(name)
    measured.set(name, shape)
    return shape
  }

  const selectionShape = (set: SelectionSetNode): Shape => {
    let fields = 0
    let depth = 0
    for (const selection of set.selections) {
      let inner: Shape = { fields: 0, depth: 0 }
      if (selection.kind === Kind.FIELD) {
        const below = selection.selectionSet ? selectionShape(selection.selectionSet) : inner
        inner = { fields: below.fields + 1, depth: below.depth + 1 }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = selectionShape(selection.selectionSet)
      } else {
        inner = fragmentShape(selection.name.value)
      }
      fields += inner.fields
      depth = Math.max(depth, inner.depth)
      // Counts grow fast through repeated spreads: stop as soon as the answer is known.
      if (fields > GRAPHQL_LIMITS.fields) return { fields, depth }
    }
    return { fields, depth }
  }

  let total: Shape = { fields: 0, depth: 0 }
  for (const name of fragments.keys()) fragmentShape(name)
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const shape = selectionShape(definition.selectionSet)
    total = { fields: total.fields + shape.fields, depth: Math.max(total.depth, shape.depth) }
  }
  return total
}

/**
 * Why a GraphQL request body is refused before Payload runs it (400), or null to run it: not a
 * JSON object with a `query` string, not parseable, a fragment cycle (which Payload's complexity
 * rule would follow forever), more than GRAPHQL_LIMITS.fields fields (aliases included) or nesting
 * deeper than GRAPHQL_LIMITS.depth.
 */
export function refuseGraphqlRequest(body: string): string | null {
  let request: unknown
  try {
    request = JSON.parse(body)
  } catch {
    return 'Send the GraphQL request as a JSON object: {"query": "..."}.'
  }
  const query = (request as { query?: unknown } | null)?.query
  if (typeof query !== 'string' || !query.trim()) {
    return 'Send the GraphQL request as a JSON object with a "query" string.'
  }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: GRAPHQL_LIMITS.tokens, noLocation: true })
  } catch (error) {
    return error instanceof GraphQLError ? error.message : 'The query could not be read.'
  }
  let shape: Shape
  try {
    shape = measure(document)
  } catch (error) {
    return (error as Error).message
  }
  if (shape.fields > GRAPHQL_LIMITS.fields) {
    return `The query asks for too many fields: at most ${GRAPHQL_LIMITS.fields}, aliases and fragments included.`
  }
  if (shape.depth > GRAPHQL_LIMITS.depth) {
    return `The query nests more than ${GRAPHQL_LIMITS.depth} levels deep.`
  }
  return null
}

/** graphql-js suggests field and type names it knows ("Did you mean authorEmail?"): not to strangers. */
export function withoutSuggestions(text: string): string {
  if (!text.includes('Did you mean')) return text
  const result = JSON.parse(text) as { errors?: { message?: unknown }[] }
  for (const error of result.errors ?? []) {
    if (typeof error.message === 'string') {
      error.message = error.message.replace(/ ?Did you mean .*$/s, '')
    }
  }
  return JSON.stringify(result)
}

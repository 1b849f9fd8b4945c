import fc from 'fast-check'

import { COMMENT_LIMITS } from '@/comments/rules/messages'
import { SUBMISSION_FIELDS } from '@/comments/submission/types'
import type { Id } from '@/lib/idOf'

/** What generated submissions point at: documents the suite created. */
export type SubmissionTargets = {
  /** Published posts open for comments. */
  openPosts: Id[]
  /** Posts that take no comment: a closed thread, an archived post, a draft. */
  refusingPosts: Id[]
  /** Comments of every kind (approved or not, on either open post or a closed one). */
  parents: Id[]
}

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060']
const SPACES = [' ', '\t', '\n', '\r', '\r\n', '\u000B', '\u000C', '\u0085', '\u00A0', '\u2028']
const BIDI = ['\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202E', '\u2066', '\u2069']
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']
const CONTROLS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u009F']
const ODD = ['e\u0301', '\u{1F44D}\u{1F3FD}', '\u{10FFFF}', '\uFFFD', '<script>', '"', '\\', '%00']

/** Ids that name nothing, or name it in a shape no client should send. */
const MISSING_IDS: unknown[] = [0, -1, 999_999, 2 ** 53, 1e308, 'abc', '', '1; DROP TABLE x', '１']

/** Strings that mean something somewhere else: SQL, URLs, JSON, prototypes. */
const LOADED_STRINGS = [
  ' ',
  '0',
  'null',
  'true',
  '[]',
  '{}',
  "'; DROP TABLE comments; --",
  '__proto__',
  'javascript:alert(1)',
  'http://',
  'https://example.org',
  'mailto:a@b.co',
  'a@b',
]

const join = (parts: string[]) => parts.join('')

const trickyChar = fc.constantFrom(
  ...ZERO_WIDTH,
  ...SPACES,
  ...BIDI,
  ...LONE_SURROGATES,
  ...CONTROLS,
  ...ODD,
)

/** Short text mixing invisible, bidi, control and unpaired characters with ordinary ones. */
const hostileText = fc
  .array(fc.oneof(trickyChar, fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })), {
    maxLength: 30,
  })
  .map(join)

/** Text that shows nothing: zero-width characters and spaces only. */
const invisibleText = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...ZERO_WIDTH) },
      { weight: 1, arbitrary: fc.constantFrom(...SPACES) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map(join)

const LIMITS = Object.values(COMMENT_LIMITS)
const hugeText = fc
  .tuple(
    fc.constantFrom(...LIMITS, ...LIMITS.map((limit) => limit + 1), 300_000),
    fc.constantFrom('x', ' ', '\u200B', '\u{1F44D}', 'e\u0301'),
  )
  // Slicing may cut a surrogate pair in two: one more unpaired half.
  .map(([length, fill]) => fill.repeat(length).slice(0, length))

/** JSON nested `depth` levels deep, alternately as arrays and as `{ id }` (as idOf follows). */
const deepNesting = fc
  .integer({ min: 2, max: 40 })
  .map((depth) =>
    Array.from({ length: depth }).reduce<unknown>(
      (inner, _, level) => (level % 2 ? [inner] : { id: inner }),
      1,
    ),
  )

/** Any value a field should not have. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  invisibleText,
  hugeText,
  fc.constantFrom(...LOADED_STRINGS),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  deepNesting,
)

/** One id in the shapes a client might send it: number, string, populated document, wrapped. */
function idShapes(id: Id): fc.Arbitrary<unknown> {
  const numeric = typeof id === 'number' ? [id + 0.5, -id, `0${id}`, `${id}.0`] : []
  return fc.constantFrom<unknown>(
    id,
    String(id),
    ` ${id} `,
    { id },
    { id: String(id), title: 'Populated' },
    { id: { id } },
    [id],
    ...numeric,
  )
}

function references(ids: Id[], weight: number): fc.WeightedArbitrary<unknown>[] {
  const some = fc.constantFrom(...ids)
  return [
    { weight, arbitrary: some },
    { weight: 1, arbitrary: some.chain(idShapes) },
  ]
}

const FIELD_KEYS = [...SUBMISSION_FIELDS, 'status', 'ip', 'id', 'spamCheck', '__proto__']
type Field = 'authorName' | 'authorEmail' | 'authorUrl' | 'body'
const STRETCHED: Record<Field, (value: string, length: number) => string> = {
  authorName: (value, length) => value.padEnd(length, 'n'),
  authorEmail: (value, length) => value.padStart(length, 'r'),
  authorUrl: (value, length) => `${value}/`.padEnd(length, 'p'),
  body: (value, length) => value.padEnd(length, 'b'),
}
const LIMIT_OF: Record<Field, number> = {
  authorName: COMMENT_LIMITS.name,
  authorEmail: COMMENT_LIMITS.email,
  authorUrl: COMMENT_LIMITS.url,
  body: COMMENT_LIMITS.body,
}

const TEXT_FIELDS: Field[] = ['authorName', 'authorEmail', 'authorUrl', 'body']

/** A text field's value that only just passes, or only just fails, the rules. */
const edgeText = fc.oneof(
  { weight: 3, arbitrary: invisibleText },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: fc.constantFrom(...LOADED_STRINGS) },
  {
    // One visible (or nearly invisible) character among invisible ones.
    weight: 2,
    arbitrary: fc
      .tuple(invisibleText, fc.constantFrom('a', '.', '\u00AD', '\u180E', '\u3164'), invisibleText)
      .map(join),
  },
)

type Mutation =
  | { kind: 'drop'; key: string }
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'wrap'; key: string; around: string }
  | { kind: 'stretch'; key: Field; delta: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom(...FIELD_KEYS) }),
  fc.record({
    kind: fc.constant('set' as const),
    key: fc.constantFrom(...FIELD_KEYS),
    value: hostileValue,
  }),
  fc.record({
    kind: fc.constant('set' as const),
    key: fc.constantFrom(...TEXT_FIELDS),
    value: edgeText,
  }),
  fc.record({
    kind: fc.constant('wrap' as const),
    key: fc.constantFrom(...TEXT_FIELDS),
    around: fc.oneof(invisibleText, hostileText),
  }),
  fc.record({
    kind: fc.constant('stretch' as const),
    key: fc.constantFrom(...TEXT_FIELDS),
    delta: fc.constantFrom(-1, 0, 1),
  }),
)

function mutate(body: Record<string, unknown>, change: Mutation): Record<string, unknown> {
  const next = { ...body }
  const value = next[change.key]
  // defineProperty: an own key, even "__proto__", so that JSON.stringify sends it.
  const set = (v: unknown) =>
    Object.defineProperty(next, change.key, { value: v, enumerable: true, writable: true })
  if (change.kind === 'drop') delete next[change.key]
  else if (change.kind === 'set') set(change.value)
  else if (typeof value !== 'string') return next
  else if (change.kind === 'wrap') set(`${change.around}${value}${change.around}`)
  else set(STRETCHED[change.key](value, LIMIT_OF[change.key] + change.delta))
  return next
}

/**
 * Request bodies for POST /api/comments, each family meant to reach further into the pipeline:
 * any JSON at all; objects with the right keys and hostile values; valid submissions with a few
 * random mutations; bytes that are not JSON at all.
 */
export function submissionArbitraries({ openPosts, refusingPosts, parents }: SubmissionTargets) {
  /** Mostly an open post, as a form sends it; sometimes one that takes no comment. */
  const post = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...openPosts) },
    ...references(openPosts, 1),
    ...references(refusingPosts, 2),
    { weight: 1, arbitrary: fc.constantFrom(...MISSING_IDS) },
  )
  /** Mostly no parent; sometimes a comment, which may or may not take a reply on that post. */
  const parent = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(undefined, null, '') },
    ...references(parents, 3),
    { weight: 1, arbitrary: fc.constantFrom(...MISSING_IDS) },
  )
  const name = fc.oneof(
    fc.constantFrom('Sam Reader', 'Zoë Ødegaard', '李小龍', 'مريم الحسن'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  )
  const email = fc.oneof(
    fc.constantFrom('sam@example.com', 'zoë@exämple.org', 'a+b@sub.example.co.uk'),
    fc.emailAddress(),
  )
  const url = fc.oneof(fc.constantFrom(undefined, null, ''), fc.webUrl())
  const text = fc.oneof(
    fc.lorem({ maxCount: 5, mode: 'sentences' }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
  )
  const honeypot = fc.constantFrom(undefined, undefined, undefined, '', ' ', 'https://bot.example/')
  const valid = fc.record({
    post,
    parent,
    authorName: name,
    authorEmail: email,
    authorUrl: url,
    body: text,
    homepage: honeypot,
  })
  /** A submission that passes every rule, bar the one field a property then changes. */
  const plain = fc.record({
    post: fc.constantFrom(...openPosts),
    authorName: fc.constantFrom('Sam Reader', 'Zoë Ødegaard', '李小龍', 'مريم الحسن'),
    authorEmail: fc.constantFrom('sam@example.com', 'a+b@sub.example.co.uk'),
    authorUrl: fc.constantFrom(undefined, 'https://sam.example.org/'),
    body: fc.lorem({ maxCount: 3, mode: 'sentences' }),
  })
  const orHostile = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, hostileValue)

  return {
    jsonValue: fc.oneof(fc.jsonValue({ maxDepth: 20 }), deepNesting),
    hostileFields: fc
      .tuple(
        fc.record(
          {
            post: orHostile(post),
            parent: orHostile(parent),
            authorName: orHostile(name),
            authorEmail: orHostile(email),
            authorUrl: orHostile(url),
            body: orHostile(text),
            homepage: orHostile(honeypot),
          },
          { requiredKeys: [] },
        ),
        fc.dictionary(fc.constantFrom(...FIELD_KEYS, 'constructor', 'extra'), hostileValue),
      )
      .map(([fields, extra]) => ({ ...extra, ...fields })),
    mutatedSubmission: fc
      .tuple(valid, fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 3 })))
      .map(([body, changes]) => changes.reduce(mutate, body as Record<string, unknown>)),
    edgeTextSubmission: fc
      .tuple(plain, fc.constantFrom(...TEXT_FIELDS), edgeText)
      .map(([body, key, value]) => ({ ...body, [key]: value })),
    rawBody: fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
      // Almost JSON: cut short, or with something before or after.
      fc
        .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '}', 'x', '\u0000'))
        .map(([json, cut, tail]) => json.slice(0, cut % (json.length + 1)) + tail),
      fc.constantFrom(
        '',
        '{',
        '{"post":',
        '{"post":1,}',
        "{'post':1}",
        '\uFEFF{}',
        'NaN',
        '{"a":1}{"b":2}',
        '{"__proto__":{"polluted":true}}',
      ),
    ),
  }
}

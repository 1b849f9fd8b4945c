/** The command line of `npm run bench`, checked once. */
export type DatabaseKind = 'sqlite' | 'postgres'

export type BenchOptions = {
  database: DatabaseKind
  /** Comment counts to measure at, ascending; the data grows from one to the next. */
  scales: number[]
  quick: boolean
  /** Generated posts (the demo's own come on top). */
  posts: number
  /** Seconds per wrk run. */
  durationSeconds: number
  /** Sequential requests per timed row at each scale. */
  samples: number
  /** Keep the generated database (and its directory) instead of removing it. */
  keep: boolean
  /** The command as typed, for the report. */
  command: string
}

export const USAGE =
  'npm run bench -- [--database=sqlite|postgres] [--scales=10000,100000,1000000] [--quick] ' +
  '[--posts=10000] [--duration=10] [--samples=20] [--keep]'

const DEFAULT_SCALES = [10_000, 100_000, 1_000_000]
const QUICK_SCALES = [10_000]

function count(name: string, raw: string, min: number, max: number): number {
  const text = raw.trim().toLowerCase()
  const match = /^(\d+(?:\.\d+)?)([km]?)$/.exec(text.replace(/_/g, ''))
  const factor = match?.[2] === 'k' ? 1_000 : match?.[2] === 'm' ? 1_000_000 : 1
  const value = match ? Math.round(Number(match[1]) * factor) : NaN
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`--${name}: "${raw}" is not a number from ${min} to ${max}`)
  }
  return value
}

export function parseOptions(argv: string[]): BenchOptions {
  const given = new Map<string, string>()
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new Error(`Unknown argument "${arg}". Usage: ${USAGE}`)
    given.set(match[1], match[2] ?? '')
  }
  const known = ['database', 'scales', 'quick', 'posts', 'duration', 'samples', 'keep', 'help']
  for (const name of given.keys()) {
    if (!known.includes(name)) throw new Error(`Unknown option --${name}. Usage: ${USAGE}`)
  }
  if (given.has('help')) throw new Error(`Usage: ${USAGE}`)
  const database = given.get('database') || 'sqlite'
  if (database !== 'sqlite' && database !== 'postgres') {
    throw new Error(`--database must be sqlite or postgres, not "${database}"`)
  }
  const quick = given.has('quick')
  const scalesRaw = given.get('scales')
  const scales = scalesRaw
    ? [...new Set(scalesRaw.split(',').map((s) => count('scales', s, 100, 10_000_000)))]
    : quick
      ? QUICK_SCALES
      : DEFAULT_SCALES
  scales.sort((a, b) => a - b)
  return {
    database,
    scales,
    quick,
    posts: given.has('posts') ? count('posts', given.get('posts')!, 10, 1_000_000) : 10_000,
    durationSeconds: given.has('duration')
      ? count('duration', given.get('duration')!, 1, 600)
      : quick
        ? 3
        : 10,
    samples: given.has('samples')
      ? count('samples', given.get('samples')!, 3, 1000)
      : quick
        ? 8
        : 20,
    keep: given.has('keep'),
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
  }
}

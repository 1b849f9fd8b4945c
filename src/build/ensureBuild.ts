import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Everything a production build is made from; a newer file here means the build is stale. */
const BUILD_INPUTS = [
  'src',
  'collections',
  'payload.config.ts',
  'next.config.mjs',
  'tsconfig.json',
  'tsconfig.next.json',
  'package.json',
  'package-lock.json',
]
// Start-up and the Express layer run outside Next's bundle, so changing them needs no rebuild.
const IGNORED = new Set([
  'node_modules',
  '.next',
  'migrations',
  'build',
  'backup',
  'import',
  'server',
  'start.ts',
])

function newestMtime(target: string): number {
  let stat: fs.Stats
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target)) {
    if (IGNORED.has(entry)) continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

/** Why a new build is needed, or null when the one in .next is current. */
export function buildStaleReason(root: string): string | null {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (!fs.existsSync(buildId)) return 'no production build yet'
  const builtAt = fs.statSync(buildId).mtimeMs
  const sources = Math.max(...BUILD_INPUTS.map((entry) => newestMtime(path.join(root, entry))))
  return sources > builtAt ? 'sources changed since the last build' : null
}

/** Runs `npm run build` when the production build is missing or older than its sources. */
export function ensureBuild(root: string, log: (message: string) => void = console.log): void {
  const reason = buildStaleReason(root)
  if (!reason) return
  log(`Building the site (${reason}); this takes about a minute...`)
  // The environment is inherited as the operator set it (start-up never writes to it).
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    throw new Error(`next build failed (exit code ${result.status ?? result.signal})`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild(process.cwd())
}

#!/usr/bin/env node
/**
 * `npm test`: type check and format check, then Jest: unit + integration on SQLite, the
 * integration suite again on Postgres (POSTGRES_URL) and MongoDB (MONGODB_URL) when set, then
 * the browser/server suite against a production build. Ends with one line, "N passed, N failed",
 * which CI reads.
 *
 *   npm test                      everything that can run here
 *   npm test -- --only=unit,int   a subset (unit, int, postgres, mongodb, e2e, lint)
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const resultsDir = path.join(root, 'test-results')
fs.mkdirSync(resultsDir, { recursive: true })

const onlyArg = process.argv.find((arg) => arg.startsWith('--only='))
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null
const wants = (name) => !only || only.has(name)

let passed = 0
let failed = 0
const lines = []

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return result.status === 0
}

function check(label, command, args) {
  const ok = run(label, command, args)
  if (ok) passed++
  else failed++
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`)
}

/** A collection change without its migration would leave SQL databases behind the config. */
function checkMigrationsCurrent() {
  const dirs = ['src/migrations/sqlite', 'src/migrations/postgres']
  const list = () =>
    dirs.flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`))
  const before = new Set(list())
  run('migrations', process.execPath, ['scripts/createMigrations.mjs', 'pending_changes'])
  const added = list().filter((file) => !before.has(file))
  const ok = added.length === 0
  if (ok) passed++
  else failed++
  lines.push(
    ok
      ? 'migrations: match the collections'
      : `migrations: the config has schema changes without a migration (now written: ${added.join(', ')})`,
  )
}

function jest(label, projects, env = {}, extra = []) {
  const output = path.join(resultsDir, `${label.replace(/\W+/g, '-')}.json`)
  fs.rmSync(output, { force: true })
  // The tests' temporary files (databases, data directories, browser profiles, the servers'
  // working directories) all go under one directory of this run, removed when Jest is done:
  // a run leaves nothing behind in /tmp, whichever test forgot its own.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `agency-blog-${label}-`))
  // Reachable like /tmp itself: varnishd, started as root, reads its VCL as its own user.
  fs.chmodSync(scratch, 0o755)
  const ok = run(
    label,
    process.execPath,
    [
      'node_modules/jest/bin/jest.js',
      ...projects.flatMap((p) => ['--selectProjects', p]),
      '--forceExit',
      '--json',
      `--outputFile=${output}`,
      ...extra,
    ],
    { NODE_OPTIONS: '--experimental-vm-modules --no-deprecation', TMPDIR: scratch, ...env },
  )
  fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 })
  if (!fs.existsSync(output)) {
    failed++
    lines.push(`${label}: jest produced no results`)
    return
  }
  const report = JSON.parse(fs.readFileSync(output, 'utf8'))
  // A suite that fails to load counts as a failure even though it ran no test.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0
  passed += report.numPassedTests
  failed += report.numFailedTests + brokenSuites
  lines.push(
    `${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      (brokenSuites ? `, ${brokenSuites} suites failed to run` : '') +
      (ok ? '' : ' (jest exited with an error)'),
  )
  if (!ok && report.numFailedTests + brokenSuites === 0) failed++
}

if (wants('lint')) {
  check('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit'])
  check('format', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.'])
  check('eslint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.'])
  checkMigrationsCurrent()
}
// Two test files at a time: each spends seconds loading Payload and waiting on its database, and
// Jest's default on two cores, one worker, leaves one core idle meanwhile. The browser
// suite stays one file at a time: Chromium and a production server per file fill both cores.
const INT_WORKERS = ['--maxWorkers=2']
const sqliteProjects = ['unit', 'int'].filter(wants)
if (sqliteProjects.length) {
  jest('sqlite', sqliteProjects, { TEST_DATABASE: 'sqlite' }, INT_WORKERS)
}

if (wants('postgres')) {
  if (process.env.POSTGRES_URL) {
    jest('postgres', ['int'], { TEST_DATABASE: 'postgres' }, INT_WORKERS)
  } else if (process.env.CI === 'true') {
    failed++
    lines.push('postgres: POSTGRES_URL is not set, and CI=true requires the Postgres run')
  } else {
    lines.push('postgres: not run (set POSTGRES_URL to run the integration suite on Postgres)')
  }
}
if (wants('mongodb')) {
  if (process.env.MONGODB_URL) {
    jest('mongodb', ['int'], { TEST_DATABASE: 'mongodb' }, INT_WORKERS)
  } else {
    lines.push('mongodb: not run (set MONGODB_URL to run the integration suite on MongoDB)')
  }
}
if (wants('e2e')) {
  const built = run('build', process.execPath, ['--import', 'tsx/esm', 'src/build/ensureBuild.ts'])
  if (!built) {
    failed++
    lines.push('e2e: the production build failed')
  } else {
    jest('e2e', ['e2e'], { TEST_DATABASE: 'sqlite' }, ['--runInBand'])
  }
}

console.log('\n' + lines.join('\n'))
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)

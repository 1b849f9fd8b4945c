/**
 * `npm run import:wxr -- <export.xml> [--archive] [--dry-run] [--uploads <dir>]
 * [--author-map <file.json>]`: imports a WordPress export into the database the server uses
 * (DATABASE_URL, DATA_DIR, MEDIA_DIR), migrating it first. Progress on stderr (a bar on a
 * terminal, a line every few seconds otherwise), the summary on stdout.
 */
import fs from 'node:fs'

import { readConfigForImport } from '@/config/appConfig'
import { ConfigError } from '@/config/configError'
import { exitWithMessage as fail } from '@/lib/exitWithMessage'

import { describeSummary } from './importSummary'
import type { ImportProgress } from './importWxr'
import { WxrError } from './wxrTypes'

const USAGE =
  'usage: npm run import:wxr -- <export.xml> [--archive] [--dry-run] [--uploads <dir>] [--author-map <file.json>]'

function optionValue(args: string[], name: string): string | null {
  const index = args.indexOf(name)
  if (index === -1) return null
  const value = args[index + 1]
  if (!value || value.startsWith('--')) fail(`${name} needs a value\n${USAGE}`)
  return value
}

function readAuthorMap(file: string | null): Record<string, number | string> | undefined {
  if (!file) return undefined
  try {
    const map = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      return map as Record<string, number | string>
    }
  } catch (error) {
    fail(`--author-map ${file}: ${(error as Error).message}`)
  }
  fail(`--author-map ${file}: expected an object of WordPress logins to author ids`)
}

function progressPrinter(): (progress: ImportProgress) => void {
  const started = Date.now()
  let lastLine = 0
  return ({ posts, comments, totalPosts, totalComments }) => {
    const seconds = (Date.now() - started) / 1000
    const done =
      totalComments + totalPosts === 0 ? 1 : (posts + comments) / (totalPosts + totalComments)
    const left = done > 0 ? Math.round((seconds / done) * (1 - done)) : 0
    const rate = Math.round(comments / Math.max(seconds, 0.001))
    const text = `posts ${posts}/${totalPosts}, comments ${comments}/${totalComments}, ${rate} comments/s, about ${left} s left`
    if (process.stderr.isTTY) {
      const width = 24
      const bar = '#'.repeat(Math.round(done * width)).padEnd(width, '.')
      process.stderr.write(`\r[${bar}] ${text}`)
      if (posts === totalPosts) process.stderr.write('\n')
    } else if (Date.now() - lastLine > 2000 || posts === totalPosts) {
      lastLine = Date.now()
      process.stderr.write(`${text}\n`)
    }
  }
}

async function runImport() {
  const args = process.argv.slice(2)
  const file = args.find(
    (arg, i) => !arg.startsWith('--') && !['--uploads', '--author-map'].includes(args[i - 1]),
  )
  if (!file) fail(USAGE)
  const dryRun = args.includes('--dry-run')
  const uploadsDir = optionValue(args, '--uploads')
  if (uploadsDir && !fs.existsSync(uploadsDir)) fail(`--uploads ${uploadsDir}: no such directory`)
  const authorMap = readAuthorMap(optionValue(args, '--author-map'))

  const config = readConfigForImport()
  const { bootPayload } = await import('@/cms/bootPayload')
  const { closeDatabase } = await import('@/db/closeDatabase')
  const { runtimeOf } = await import('@/runtime/runtime')
  const { importWxr, surveyWxr } = await import('./importWxr')
  const started = Date.now()

  // A file that cannot be read stops before the database is even opened.
  await surveyWxr(file)
  // The import's own progress and summary are what the operator reads; Payload's information
  // lines (each migration applied) would bury them. Warnings and errors still show.
  const { payload } = await bootPayload(config, { role: 'Import', runJobs: false, quiet: true })
  try {
    const summary = await importWxr(payload, file, {
      archive: args.includes('--archive'),
      dryRun,
      uploadsDir,
      authorMap,
      onProgress: progressPrinter(),
    })
    console.log(dryRun ? `Dry run of ${file}: nothing was written.` : `Imported ${file}:`)
    console.log(describeSummary(summary, { dryRun }).join('\n'))
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024)
    console.log(`  took ${seconds} s, peak memory ${peakMb} MB`)
    if (!dryRun) {
      // The run told the running instances through the shared bus (INVALIDATION_BUS), if any;
      // a single server's caches live in its own process, which this one cannot reach.
      const bus = runtimeOf(payload).invalidation.kind
      console.log(
        bus === 'in-process'
          ? '  If the site is running, restart it to show the imported posts at once.'
          : `  The running instances were told (${bus === 'redis' ? 'Redis' : 'PostgreSQL'}): they show the imported posts now.`,
      )
    }
  } finally {
    await closeDatabase(payload)
  }
}

runImport().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`)
    if (error instanceof WxrError) fail(`Import stopped, nothing was written: ${error.message}`)
    fail(`Import failed: ${(error as Error).stack ?? String(error)}`)
  },
)

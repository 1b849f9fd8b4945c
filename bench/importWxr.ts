/**
 * `npm run bench:import [-- --posts=500 --comments-per-post=100]`: the WordPress import at volume.
 * Generates a WXR export (50,000 comments by default), imports it with `npm run import:wxr` into
 * a fresh SQLite database, and reports its rate and peak memory beside a baseline measured in the
 * same run: the same command importing a two-post export. Bounded memory means the two peaks are
 * close, whatever the size of the file.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { writeLargeWxr } from './generate/wxr'

type Run = { seconds: number; peakMb: number; comments: number; output: string }

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  const value = arg ? Number(arg.split('=')[1]) : fallback
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
  return value
}

function importFile(file: string): Run {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'))
  try {
    const result = spawnSync('npm', ['run', 'import:wxr', '--silent', '--', file], {
      env: { ...process.env, DATA_DIR: dir, MEDIA_DIR: path.join(dir, 'media'), DATABASE_URL: '' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    const output = `${result.stdout}${result.stderr}`
    if (result.status !== 0) throw new Error(`import failed:\n${output}`)
    const took = /took ([\d.]+) s, peak memory (\d+) MB/.exec(result.stdout)
    const created = /comments\s+(\d+) created/.exec(result.stdout)
    if (!took || !created) throw new Error(`no summary in:\n${output}`)
    return {
      seconds: Number(took[1]),
      peakMb: Number(took[2]),
      comments: Number(created[1]),
      output: result.stdout,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const posts = option('posts', 500)
const perPost = option('comments-per-post', 100)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wxr-'))
try {
  const large = path.join(work, 'large.xml')
  await writeLargeWxr(large, { posts, commentsPerPost: perPost })
  const sizeMb = fs.statSync(large).size / 1024 / 1024
  const baseline = importFile(path.resolve('tests/fixtures/wxr/blog-1.1.xml'))
  const measured = importFile(large)
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench:import -- --posts=${posts} --comments-per-post=${perPost}`,
    fileMb: Math.round(sizeMb * 10) / 10,
    baseline: { seconds: baseline.seconds, peakMb: baseline.peakMb },
    large: {
      seconds: measured.seconds,
      peakMb: measured.peakMb,
      commentsCreated: measured.comments,
      commentsPerSecond: Math.round(measured.comments / measured.seconds),
    },
    peakRatio: Math.round((measured.peakMb / baseline.peakMb) * 100) / 100,
  }
  const out = path.join('bench/results', `${result.date.slice(0, 10)}-import.json`)
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
  console.log(measured.output)
  console.log(
    `${posts * perPost} comments in a ${result.fileMb} MB export: ${result.large.commentsPerSecond} comments/s; ` +
      `peak memory ${measured.peakMb} MB vs ${baseline.peakMb} MB importing two posts (${result.peakRatio}x). Written to ${out}`,
  )
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

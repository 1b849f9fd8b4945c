import { spawn } from 'node:child_process'

import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'

import { freePort } from '../helpers/appProcess'
import { createComment, createPost, createStaff, unique } from '../helpers/factories'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// `npm run worker` as an operator starts it: its own process on the test database, beside this
// one (which queues, as a web instance with JOBS=off does).

let sink: SmtpSink
let t: TestPayload

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  await createStaff(t.payload)
  await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
})
afterAll(async () => {
  await t?.stop()
  await sink?.stop()
})

function startWorker(env: Record<string, string>) {
  const child = spawn('npm', ['run', 'worker', '--silent'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_OPTIONS: undefined,
      NODE_ENV: undefined,
      LOG_FORMAT: 'json',
      ...t.database.env,
      PAYLOAD_SECRET: 'test-secret-for-jest-only-0123456789',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const waitFor = (pattern: RegExp, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (pattern.test(output)) {
          clearInterval(timer)
          resolve()
        } else if (child.exitCode !== null || Date.now() > deadline) {
          clearInterval(timer)
          reject(new Error(`no ${pattern} (exit ${child.exitCode}):\n${output}`))
        }
      }, 100)
      const deadline = Date.now() + ms
    })
  return { child, exited, waitFor, output: () => output }
}

describe('npm run worker', () => {
  it('runs a job queued by another process, answers /healthz, and exits 0 on SIGTERM', async () => {
    const port = await freePort()
    const worker = startWorker({ WORKER_PORT: String(port), JOBS: 'off' })
    try {
      await worker.waitFor(/Job worker ready \(/, 120_000)
      const health = await fetch(`http://127.0.0.1:${port}/healthz`)
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: 'ok', role: 'worker' })
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404)

      const post = await createPost(t.payload, { title: `Bridge Closure ${unique()}` })
      const comment = await createComment(t.payload, post, { status: 'pending' })
      await t.payload.jobs.queue({
        task: 'notifyModerators',
        queue: NOTIFICATIONS_QUEUE,
        input: { comment: String(comment.id) },
      })
      // The notifications cron runs every ten seconds.
      const [message] = await sink.waitForMessages(1, 40_000)
      expect(message.text).toContain(`Comment #${comment.id},`)

      worker.child.kill('SIGTERM')
      expect(await worker.exited).toBe(0)
      expect(worker.output()).toMatch(/job worker stopped/)
    } finally {
      // npm hands the signal to the worker (a SIGKILL would leave the worker running).
      if (worker.child.exitCode === null) worker.child.kill('SIGTERM')
    }
  }, 180_000)
})

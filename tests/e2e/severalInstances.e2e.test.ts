/**
 * Several instances, as docs/several-instances.md deploys them: PostgreSQL, two web instances
 * (`npm start`, JOBS=off) behind Debian's HAProxy (deploy/haproxy/haproxy.cfg), Debian's Varnish in
 * front of HAProxy (deploy/varnish/default.vcl), all on loopback.
 */
import fs from 'node:fs'

import { DEMO_POSTS } from '@/seed/demoContent'

import { freePort, startApp, type AppProcess } from '../helpers/appProcess'
import { startHaproxy, within, type Daemon } from '../helpers/cluster'
import { tinyPng } from '../helpers/images'
import { S3_TEST_SERVER, startS3Server, type S3TestServer } from '../helpers/s3Server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { startVarnish, type VarnishServer } from '../helpers/varnishServer'

const PASSWORD = 'several-instances-password'
const OPEN_POST = DEMO_POSTS.find((p) => !p.archived && p.commentStatus === 'open')!

let database: TestDatabase
let env: Record<string, string>
let ports: { a: number; b: number; balancer: number; cache: number }
const instances: Record<'a' | 'b', AppProcess | undefined> = { a: undefined, b: undefined }
const workers: AppProcess[] = []
let smtp: SmtpSink | undefined
const daemons: Daemon[] = []
let varnish: VarnishServer | undefined
let s3: S3TestServer | undefined
let token: string
let adminToken: string
let postId: number

const urlOf = (port: number) => `http://127.0.0.1:${port}`
const instanceUrl = (name: 'a' | 'b') => urlOf(ports[name])

function startInstance(name: 'a' | 'b'): Promise<AppProcess> {
  return startApp({ ...env, PORT: String(ports[name]) }).then((app) => (instances[name] = app))
}

/**
 * A reader's comment from `address` (the load balancer and cache are trusted to say so), by a
 * reader known by that address: a first comment, which the demo's rules hold for moderation.
 */
function submitComment(base: string, address: string, body: string) {
  return fetch(`${base}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({
      post: postId,
      authorName: 'Reader Elsewhere',
      authorEmail: `reader-${address.replaceAll('.', '-')}@example.org`,
      body,
    }),
  })
}

const staff = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...init.headers },
})

async function signIn(email: string): Promise<string> {
  const login = await fetch(`${instanceUrl('a')}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  expect(login.status).toBe(200)
  return ((await login.json()) as { token: string }).token
}

const pageText = (base: string) => fetch(`${base}/posts/${OPEN_POST.slug}`).then((r) => r.text())

beforeAll(async () => {
  database = await createTestDatabase('postgres')
  s3 = await startS3Server({ prefix: 'media' })
  smtp = await startSmtpSink()
  ports = {
    a: await freePort(),
    b: await freePort(),
    balancer: await freePort(),
    cache: await freePort(),
  }
  env = {
    DATABASE_URL: database.env.DATABASE_URL!,
    PAYLOAD_SECRET: 'several-instances-secret-0123456789',
    SERVER_URL: urlOf(ports.cache),
    TRUST_PROXY: 'loopback',
    SHUTDOWN_DRAIN_SECONDS: '3',
    DEMO_PASSWORD: PASSWORD,
    JOBS: 'off',
    CDN_PURGE_URL: urlOf(ports.cache),
    SMTP_URL: smtp.url,
    ...s3.env,
  }
  // The first instance migrates and seeds the demo; the second finds both done.
  await startInstance('a')
  await startInstance('b')
  // Two job workers on the same queues (one would do; the second shows a job still runs once).
  for (let i = 0; i < 2; i++) {
    workers.push(
      await startApp(
        { ...env, WORKER_PORT: String(await freePort()) },
        { script: 'worker', ready: /Job worker ready/ },
      ),
    )
  }
  daemons.push(await startHaproxy(ports.balancer, [ports.a, ports.b]))
  varnish = await startVarnish(ports.balancer, ports.cache)

  token = await signIn('moderator@example.gov')
  adminToken = await signIn('admin@example.gov')
  const found = await fetch(
    `${instanceUrl('a')}/api/posts?where[slug][equals]=${OPEN_POST.slug}&depth=0`,
  )
  postId = ((await found.json()) as { docs: { id: number }[] }).docs[0].id
}, 300_000)

afterAll(async () => {
  await varnish?.stop()
  await Promise.all(daemons.map((daemon) => daemon.stop()))
  await Promise.all([...Object.values(instances), ...workers].map((app) => app?.stop()))
  await smtp?.stop()
  await s3?.stop()
  await database?.drop()
}, 60_000)

describe('several instances on one PostgreSQL', () => {
  it("an approval on instance A shows on B's next request, and through the shared cache", async () => {
    const created = await submitComment(instanceUrl('a'), '10.16.0.1', 'Seen on every instance.')
    expect(created.status).toBe(201)
    const { id, status } = (await created.json()) as { id: number; status: string }
    expect(status).toBe('pending')

    // B and the cache both hold the page without it.
    expect(await pageText(instanceUrl('b'))).not.toContain('Seen on every instance.')
    expect(await pageText(instanceUrl('b'))).not.toContain('Seen on every instance.')
    const cached = await fetch(`${urlOf(ports.cache)}/posts/${OPEN_POST.slug}`)
    await cached.text()
    const again = await fetch(`${urlOf(ports.cache)}/posts/${OPEN_POST.slug}`)
    expect(await again.text()).not.toContain('Seen on every instance.')
    expect(
      Number(again.headers.get('age') ?? 0) > 0 ||
        /\d+ \d+/.test(again.headers.get('x-varnish') ?? ''),
    ).toBe(true)

    const approved = await fetch(
      `${instanceUrl('a')}/api/comments/${id}`,
      staff({ method: 'PATCH', body: JSON.stringify({ status: 'approved' }) }),
    )
    expect(approved.status).toBe(200)

    expect(await pageText(instanceUrl('b'))).toContain('Seen on every instance.')
    expect(await pageText(urlOf(ports.cache))).toContain('Seen on every instance.')
  })

  it('a second comment from one address within the flood interval is refused by the other instance', async () => {
    const first = await submitComment(instanceUrl('a'), '10.16.0.2', 'First, through A.')
    expect(first.status).toBe(201)
    const second = await submitComment(instanceUrl('b'), '10.16.0.2', 'Second, through B.')
    expect(second.status).toBe(429)
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0)
    const count = await fetch(
      `${instanceUrl('b')}/api/comments/count?where[body][equals]=Second, through B.`,
      staff(),
    )
    expect(await count.json()).toEqual({ totalDocs: 0 })
  })

  it(`an upload through instance A is served by instance B from the S3-compatible store (${S3_TEST_SERVER})`, async () => {
    const png = await tinyPng()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'two-instances.png')
    form.append('_payload', JSON.stringify({ alt: 'Served by the other instance' }))
    const created = await fetch(`${instanceUrl('a')}/api/media`, {
      method: 'POST',
      body: form,
      headers: { authorization: `JWT ${adminToken}` },
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { url: string; filename: string } }
    expect(await s3!.keys()).toContain(`media/${doc.filename}`)

    const served = await fetch(`${instanceUrl('b')}${new URL(doc.url, urlOf(ports.b)).pathname}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
    for (const name of ['a', 'b'] as const) {
      const mediaDir = instances[name]!.env.MEDIA_DIR!
      expect(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir) : []).toEqual([])
    }
  })

  it('two job workers send one moderator email per held comment', async () => {
    const markers = [1, 2, 3].map((i) => `Held for the workers, number ${i}.`)
    for (const [i, marker] of markers.entries()) {
      const res = await submitComment(urlOf(ports.balancer), `10.18.0.${i + 1}`, marker)
      expect(res.status).toBe(201)
      expect(((await res.json()) as { status: string }).status).toBe('pending')
    }
    const recipients = (marker: string) =>
      smtp!.messages
        .filter((message) => message.text.includes(marker))
        .flatMap((message) => message.to)
        .sort()
    await within(
      'a moderator email for every held comment',
      async () => markers.every((marker) => recipients(marker).length > 0),
      60_000,
    )
    // Both workers look at the queue every ten seconds: give each a round to send it again.
    await new Promise((resolve) => setTimeout(resolve, 21_000))
    const lists = markers.map(recipients)
    expect(lists[0].length).toBeGreaterThan(0)
    for (const list of lists) {
      expect(list).toEqual(lists[0])
      expect(new Set(list).size).toBe(list.length)
    }
  }, 120_000)

  it('a rolling restart under load loses no request and no comment', async () => {
    const balancer = urlOf(ports.balancer)
    const outcomes: string[] = []
    let created = 0
    let running = true
    let sequence = 0
    const loop = async (worker: number) => {
      while (running) {
        sequence += 1
        const n = sequence
        try {
          if (n % 4 === 0) {
            const address = `10.${17 + worker}.${Math.floor(n / 250) % 250}.${n % 250}`
            const res = await submitComment(balancer, address, `Rolling ${n}.`)
            await res.text()
            if (res.status === 201) created += 1
            else
              outcomes.push(
                `${new Date().toISOString()} POST ${res.status} ${res.headers.get('x-served-by')}`,
              )
          } else {
            const res = await fetch(`${balancer}/posts/${OPEN_POST.slug}`)
            const text = await res.text()
            if (res.status !== 200) {
              outcomes.push(
                `GET ${res.status} ${res.headers.get('x-served-by')} ${text.slice(0, 80)}`,
              )
            }
          }
        } catch (error) {
          outcomes.push(`error ${(error as Error).message}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
    }
    const load = [0, 1, 2, 3].map(loop)
    try {
      for (const name of ['a', 'b'] as const) {
        expect(await instances[name]!.stop()).toBe(0)
        await startInstance(name)
        // HAProxy takes it back after two good health checks (rise 2, inter 500 ms): only then
        // may the other one stop.
        await within(
          `HAProxy sends requests to instance ${name} again`,
          async () => {
            const res = await fetch(`${balancer}/healthz`)
            return res.headers.get('x-served-by') === name
          },
          60_000,
        )
      }
    } finally {
      running = false
      await Promise.all(load)
    }
    // HAProxy's log says which instance was up or down when a request failed.
    const haproxyLog = outcomes.length ? daemons[0].output().slice(-4000) : ''
    expect({ outcomes, haproxyLog }).toEqual({ outcomes: [], haproxyLog: '' })
    expect(sequence).toBeGreaterThan(100)
    const stored = await within('the comments are counted', async () => {
      const res = await fetch(
        `${instanceUrl('a')}/api/comments/count?where[body][like]=Rolling`,
        staff(),
      )
      return res.status === 200 ? ((await res.json()) as { totalDocs: number }) : null
    })
    expect(created).toBeGreaterThan(10)
    expect(stored.totalDocs).toBe(created)
  }, 400_000)
})

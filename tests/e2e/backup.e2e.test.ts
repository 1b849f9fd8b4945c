import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { DEMO_POSTS } from '@/seed/demoContent'

import { startApp, tempDataDir, type AppProcess } from '../helpers/appProcess'
import { tinyPng } from '../helpers/images'

const PASSWORD = 'e2e-demo-password'

/** `npm run backup` / `npm run restore` with the app's directories; resolves with its output. */
function npmRun(script: 'backup' | 'restore', env: Record<string, string>, args: string[]) {
  const result = spawnSync('npm', ['run', script, '--silent', '--', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: undefined, DATABASE_URL: undefined, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  return `JWT ${((await res.json()) as { token: string }).token}`
}

type Listing = { totalDocs: number; docs: { id: number }[] }

/** Every post (drafts too), comment, audit entry and image, as the admin sees them. */
async function inventory(base: string) {
  const auth = { authorization: await signIn(base, 'admin@example.gov') }
  const list = async (collection: string, query = '') => {
    const res = await fetch(`${base}/api/${collection}?limit=100&depth=0&sort=id${query}`, {
      headers: auth,
    })
    const body = (await res.json()) as Listing
    return { total: body.totalDocs, ids: body.docs.map((doc) => doc.id) }
  }
  return {
    posts: await list('posts', '&draft=true'),
    comments: await list('comments'),
    audit: await list('audit-entries'),
    media: await list('media'),
  }
}

describe('npm run backup and npm run restore', () => {
  let app: AppProcess
  let restored: AppProcess | undefined
  const archive = path.join(tempDataDir(), 'backup.tar.gz')

  beforeAll(async () => {
    app = await startApp({ DEMO_PASSWORD: PASSWORD })
  })
  afterAll(async () => {
    await restored?.stop()
    await app?.stop()
  })

  it("backs up a running server's database and uploads, and restores them into new directories with nothing missing", async () => {
    // An image, and a reader's comment (with its audit entry), on top of the demo content.
    const png = await tinyPng()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'backup-check.png')
    form.append('_payload', JSON.stringify({ alt: 'Checked by the backup test' }))
    const uploaded = await fetch(`${app.baseUrl}/api/media`, {
      method: 'POST',
      headers: { authorization: await signIn(app.baseUrl, 'editor@example.gov') },
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const image = ((await uploaded.json()) as { doc: { url: string } }).doc

    const posts = await fetch(
      `${app.baseUrl}/api/posts?where[slug][equals]=${DEMO_POSTS.find((p) => !p.archived)!.slug}&depth=0`,
    ).then((res) => res.json() as Promise<Listing>)
    const comment = await fetch(`${app.baseUrl}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        post: posts.docs[0].id,
        authorName: 'Backup Reader',
        authorEmail: 'backup-reader@example.org',
        body: 'A comment that must survive the backup.',
      }),
    })
    expect(comment.status).toBe(201)

    const before = await inventory(app.baseUrl)
    expect(before.media.total).toBeGreaterThan(0)
    expect(before.audit.total).toBeGreaterThan(0)

    // Taken while the server runs.
    const dirs = { DATA_DIR: app.env.DATA_DIR!, MEDIA_DIR: app.env.MEDIA_DIR! }
    const backup = npmRun('backup', dirs, ['--out', archive])
    expect(backup).toMatchObject({ code: 0 })
    expect(backup.output).toContain(`Backup written: ${archive}`)

    const fresh = tempDataDir()
    const target = { DATA_DIR: fresh, MEDIA_DIR: path.join(fresh, 'media') }
    const restore = npmRun('restore', target, [archive])
    expect(restore).toMatchObject({ code: 0 })
    expect(fs.existsSync(path.join(fresh, 'payload.db'))).toBe(true)

    restored = await startApp({ DEMO_PASSWORD: PASSWORD, ...target })
    // The restored site was not seeded anew: it is the same data.
    expect(restored.output()).not.toContain('Demo content created')
    expect(await inventory(restored.baseUrl)).toEqual(before)
    const file = await fetch(`${restored.baseUrl}${new URL(image.url).pathname}`)
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true)
  })

  it('refuses to restore over existing data unless told to, and changes nothing', async () => {
    const target = { DATA_DIR: restored!.env.DATA_DIR!, MEDIA_DIR: restored!.env.MEDIA_DIR! }
    const database = path.join(target.DATA_DIR, 'payload.db')
    const before = fs.statSync(database).mtimeMs
    const refused = npmRun('restore', target, [archive])
    expect(refused.code).toBe(1)
    expect(refused.output).toMatch(/Restore refused: .* holds? data: .*--force/)
    expect(fs.statSync(database).mtimeMs).toBe(before)

    // Told to (the server stopped first, as the README says): the archive's data replaces it.
    await restored!.stop()
    expect(npmRun('restore', target, [archive, '--force'])).toMatchObject({ code: 0 })

    const notOurs = npmRun('restore', { DATA_DIR: tempDataDir(), MEDIA_DIR: tempDataDir() }, [
      path.join(process.cwd(), 'package.json'),
    ])
    expect(notOurs.code).toBe(1)
    expect(notOurs.output).toContain('Restore refused: cannot read')
  })
})

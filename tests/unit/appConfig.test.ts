import { publicCacheControl } from '@/config/publicCache'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { readConfig } from '@/config/appConfig'
import { ConfigError } from '@/config/configError'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'env-test-'))

describe('config.readConfig', () => {
  it('needs nothing outside production: port 3000, SQLite, a generated secret kept in data/', () => {
    const dir = tmp()
    const env = readConfig({ DATA_DIR: dir })
    expect(env).toMatchObject({
      production: false,
      port: 3000,
      demo: { password: 'demo-password', passwordFromEnv: false },
    })
    expect(env.database.kind).toBe('sqlite')
    expect(env.secret).toMatch(/^[0-9a-f]{64}$/)
    // The same secret on the next start.
    expect(readConfig({ DATA_DIR: dir }).secret).toBe(env.secret)
    expect(fs.readFileSync(path.join(dir, '.payload-secret'), 'utf8').trim()).toBe(env.secret)
  })

  it("keeps uploads in the project's media/ and resolves relative DATA_DIR and MEDIA_DIR from the project, not the working directory", () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const dir = tmp()
    const elsewhere = process.cwd()
    process.chdir(os.tmpdir())
    try {
      expect(readConfig({ DATA_DIR: dir }).mediaDir).toBe(path.join(root, 'media'))
      const relative = readConfig({ DATA_DIR: dir, MEDIA_DIR: 'shared/uploads' })
      expect(relative.mediaDir).toBe(path.join(root, 'shared/uploads'))
      expect(readConfig({ DATA_DIR: dir, MEDIA_DIR: '/srv/blog/media' }).mediaDir).toBe(
        '/srv/blog/media',
      )
      const secretOnly = { PAYLOAD_SECRET: 'a-long-test-secret-value' }
      expect(readConfig({ ...secretOnly, DATA_DIR: 'var/data' }).dataDir).toBe(
        path.join(root, 'var/data'),
      )
      expect(readConfig(secretOnly).database).toMatchObject({
        file: path.join(root, 'data/payload.db'),
      })
    } finally {
      process.chdir(elsewhere)
    }
  })

  it('colours pretty logs only on a terminal', () => {
    const dir = tmp()
    expect(readConfig({ DATA_DIR: dir }, { terminal: true })).toMatchObject({
      logFormat: 'pretty',
      logColors: true,
    })
    expect(readConfig({ DATA_DIR: dir, LOG_FORMAT: 'pretty' }, { terminal: false })).toMatchObject({
      logFormat: 'pretty',
      logColors: false,
    })
    expect(readConfig({ DATA_DIR: dir }, { terminal: false }).logFormat).toBe('json')
  })

  it('refuses production without PAYLOAD_SECRET, and writes no secret file', () => {
    const dir = tmp()
    expect(() => readConfig({ NODE_ENV: 'production', DATA_DIR: dir })).toThrow(
      /PAYLOAD_SECRET is required/,
    )
    expect(fs.existsSync(path.join(dir, '.payload-secret'))).toBe(false)
  })

  it('takes production settings from the environment', () => {
    const env = readConfig({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-long-production-secret',
      PORT: '8080',
      DATABASE_URL: 'postgres://db/blog',
      SERVER_URL: 'https://blog.example.gov/',
      TRUST_PROXY: '1',
      DATA_DIR: tmp(),
    })
    expect(env).toMatchObject({
      production: true,
      port: 8080,
      secret: 'a-long-production-secret',
      serverUrl: 'https://blog.example.gov',
      trustProxy: 1,
      database: { kind: 'postgres' },
    })
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT "eighty"/],
    [{ PORT: '70000' }, /PORT/],
    [{ PAYLOAD_SECRET: 'short' }, /at least 16/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL "loud"/],
    [{ PUBLIC_CACHE_SECONDS: '-1' }, /PUBLIC_CACHE_SECONDS "-1"/],
    [{ PUBLIC_STALE_SECONDS: '1w' }, /PUBLIC_STALE_SECONDS "1w"/],
    [{ PUBLIC_CACHE_SECONDS: '86401' }, /PUBLIC_CACHE_SECONDS "86401"/],
    [{ SERVER_URL: 'blog.example.gov' }, /SERVER_URL/],
    [{ SERVER_URL: 'ftp://blog.example.gov' }, /SERVER_URL/],
    [{ DEMO_PASSWORD: 'short' }, /DEMO_PASSWORD/],
    [{ DATABASE_URL: 'mysql://db/x' }, /DATABASE_URL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV "staging"/],
    [{ HOST: 'not a host!' }, /HOST "not a host!"/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY entry "yes"/],
    [{ TRUST_PROXY: '10.0.0.1, 10.0.0.0/33' }, /TRUST_PROXY entry "10.0.0.0\/33"/],
    [{ SERVER_URL: 'https://user:pw@blog.example.gov' }, /SERVER_URL/],
    [{ SHUTDOWN_DRAIN_SECONDS: '-1' }, /SHUTDOWN_DRAIN_SECONDS "-1"/],
    [{ SHUTDOWN_DRAIN_SECONDS: '301' }, /SHUTDOWN_DRAIN_SECONDS "301"/],
    [{ SHUTDOWN_DRAIN_SECONDS: 'soon' }, /SHUTDOWN_DRAIN_SECONDS "soon"/],
    [{ RENDER_CONCURRENCY: '0' }, /RENDER_CONCURRENCY "0"/],
    [{ RENDER_CONCURRENCY: '257' }, /RENDER_CONCURRENCY "257"/],
    [{ RENDER_CONCURRENCY: '2.5' }, /RENDER_CONCURRENCY "2.5"/],
    [{ JOBS: 'worker' }, /JOBS "worker" is not on or off/],
    [{ JOBS: 'false' }, /JOBS "false"/],
    [{ WORKER_PORT: '0' }, /WORKER_PORT "0"/],
    [{ WORKER_PORT: 'health' }, /WORKER_PORT "health"/],
  ])('refuses %o with a clear message', (vars, message) => {
    expect(() => readConfig({ DATA_DIR: tmp(), ...vars })).toThrow(ConfigError)
    expect(() => readConfig({ DATA_DIR: tmp(), ...vars })).toThrow(message)
  })

  it('lets shared caches keep public pages a minute by default, as PUBLIC_CACHE_SECONDS says', () => {
    const defaults = readConfig({ DATA_DIR: tmp() }).publicCache
    expect(defaults).toEqual({ sharedSeconds: 60, staleSeconds: 300 })
    expect(publicCacheControl(defaults)).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
    )
    const set = readConfig({
      DATA_DIR: tmp(),
      PUBLIC_CACHE_SECONDS: '5',
      PUBLIC_STALE_SECONDS: '0',
    })
    expect(publicCacheControl(set.publicCache)).toBe(
      'public, max-age=0, s-maxage=5, stale-while-revalidate=0',
    )
    const off = readConfig({ DATA_DIR: tmp(), PUBLIC_CACHE_SECONDS: '0' })
    expect(publicCacheControl(off.publicCache)).toBeNull()
  })

  it('closes at once on SIGTERM by default, and drains as long as SHUTDOWN_DRAIN_SECONDS says', () => {
    expect(readConfig({ DATA_DIR: tmp() }).shutdownDrainMs).toBe(0)
    expect(readConfig({ DATA_DIR: tmp(), SHUTDOWN_DRAIN_SECONDS: '2.5' }).shutdownDrainMs).toBe(
      2500,
    )
  })

  it('renders eight pages at once by default, with 32 times as many waiting', () => {
    expect(readConfig({ DATA_DIR: tmp() }).renders).toEqual({ concurrent: 8, waiting: 256 })
    expect(readConfig({ DATA_DIR: tmp(), RENDER_CONCURRENCY: '2' }).renders).toEqual({
      concurrent: 2,
      waiting: 64,
    })
  })

  it('runs the jobs in the server unless JOBS=off hands them to `npm run worker`', () => {
    expect(readConfig({ DATA_DIR: tmp() }).jobs).toEqual({ runInServer: true, workerPort: null })
    expect(readConfig({ DATA_DIR: tmp(), JOBS: 'on' }).jobs.runInServer).toBe(true)
    expect(readConfig({ DATA_DIR: tmp(), JOBS: ' OFF ' }).jobs.runInServer).toBe(false)
    expect(readConfig({ DATA_DIR: tmp(), WORKER_PORT: '3100' }).jobs.workerPort).toBe(3100)
  })

  it('reads nothing but the object it is given, and returns it frozen', () => {
    const config = readConfig({ DATA_DIR: tmp(), PAYLOAD_SECRET: 'a-long-test-secret-value' })
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.database)).toBe(true)
    expect(() => {
      ;(config as { port: number }).port = 1
    }).toThrow(TypeError)
  })

  it('defaults the server URL to the address it listens on, the same for every use', () => {
    const dir = tmp()
    expect(readConfig({ DATA_DIR: dir }).serverUrl).toBe('http://localhost:3000')
    expect(readConfig({ DATA_DIR: dir, HOST: '127.0.0.1', PORT: '8080' }).serverUrl).toBe(
      'http://127.0.0.1:8080',
    )
    expect(readConfig({ DATA_DIR: dir, HOST: '::1' }).serverUrl).toBe('http://[::1]:3000')
    expect(readConfig({ DATA_DIR: dir, HOST: '0.0.0.0' }).serverUrl).toBe('http://localhost:3000')
    const config = readConfig({ DATA_DIR: dir, AKISMET_API_KEY: 'abc123' })
    expect(config.akismet?.siteUrl).toBe(config.serverUrl)
  })

  it('always trusts the site origin for staff sessions, and only loopback names besides by default', () => {
    const dir = tmp()
    expect(readConfig({ DATA_DIR: dir }).trustedOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ])
    expect(
      readConfig({ DATA_DIR: dir, SERVER_URL: 'https://blog.example.gov/' }).trustedOrigins,
    ).toEqual(['https://blog.example.gov'])
  })

  it('accepts the trust proxy forms Express does', () => {
    const dir = tmp()
    expect(readConfig({ DATA_DIR: dir }).trustProxy).toBe(false)
    expect(readConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(readConfig({ DATA_DIR: dir, TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(
      readConfig({ DATA_DIR: dir, TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.1' }).trustProxy,
    ).toBe('loopback, 10.0.0.0/8, 192.168.1.1')
  })

  it('sends is_test to Akismet by default outside production, and not in production', () => {
    const base = { DATA_DIR: tmp(), AKISMET_API_KEY: 'abc123' }
    expect(readConfig(base).akismet?.testMode).toBe(true)
    expect(readConfig({ ...base, NODE_ENV: 'test' }).akismet?.testMode).toBe(true)
    expect(
      readConfig({ ...base, NODE_ENV: 'production', PAYLOAD_SECRET: 'a-long-production-secret' })
        .akismet?.testMode,
    ).toBe(false)
  })

  it('logs JSON lines unless the output is a terminal, or as LOG_FORMAT says', () => {
    const dir = tmp()
    expect(readConfig({ DATA_DIR: dir }, { terminal: false }).logFormat).toBe('json')
    expect(readConfig({ DATA_DIR: dir }, { terminal: true }).logFormat).toBe('pretty')
    expect(readConfig({ DATA_DIR: dir, LOG_FORMAT: 'json' }, { terminal: true }).logFormat).toBe(
      'json',
    )
    expect(() => readConfig({ DATA_DIR: dir, LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT "xml"')
  })
})

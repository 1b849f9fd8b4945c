import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ConfigError } from '@/config/databaseUrl'
import { readServerEnv } from '@/config/serverEnv'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'env-test-'))

describe('readServerEnv', () => {
  it('needs nothing outside production: port 3000, SQLite, a generated secret kept in data/', () => {
    const dir = tmp()
    const env = readServerEnv({ DATA_DIR: dir })
    expect(env).toMatchObject({ production: false, port: 3000, demoPassword: 'demo-password' })
    expect(env.database.kind).toBe('sqlite')
    expect(env.secret).toMatch(/^[0-9a-f]{64}$/)
    // The same secret on the next start.
    expect(readServerEnv({ DATA_DIR: dir }).secret).toBe(env.secret)
    expect(fs.readFileSync(path.join(dir, '.payload-secret'), 'utf8').trim()).toBe(env.secret)
  })

  it('refuses production without PAYLOAD_SECRET, and writes no secret file', () => {
    const dir = tmp()
    expect(() => readServerEnv({ NODE_ENV: 'production', DATA_DIR: dir })).toThrow(
      /PAYLOAD_SECRET is required/,
    )
    expect(fs.existsSync(path.join(dir, '.payload-secret'))).toBe(false)
  })

  it('takes production settings from the environment', () => {
    const env = readServerEnv({
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
    [{ SERVER_URL: 'blog.example.gov' }, /SERVER_URL/],
    [{ SERVER_URL: 'ftp://blog.example.gov' }, /SERVER_URL/],
    [{ DEMO_PASSWORD: 'short' }, /DEMO_PASSWORD/],
    [{ DATABASE_URL: 'mysql://db/x' }, /DATABASE_URL/],
  ])('refuses %o with a clear message', (vars, message) => {
    expect(() => readServerEnv({ DATA_DIR: tmp(), ...vars })).toThrow(ConfigError)
    expect(() => readServerEnv({ DATA_DIR: tmp(), ...vars })).toThrow(message)
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { readConfig } from '@/config/appConfig'
import { ConfigError } from '@/config/configError'

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'env-test-'))
const PG = 'postgres://blog:secret@db.internal:5432/blog'
const read = (env: Record<string, string>) => readConfig({ DATA_DIR: dataDir(), ...env })

describe('config: INVALIDATION_BUS, REDIS_URL and CDN_PURGE_URL', () => {
  it('keeps invalidations in the process by default (SQLite), with no purge', () => {
    expect(read({}).invalidation).toEqual({ bus: { kind: 'in-process' }, purgeUrls: [] })
    expect(read({}).redisUrl).toBeNull()
  })

  it('listens on PostgreSQL when DATABASE_URL is postgres, and prefers Redis when REDIS_URL is set', () => {
    expect(read({ DATABASE_URL: PG }).invalidation.bus).toEqual({ kind: 'postgres', url: PG })
    const redis = 'redis://:pw@cache.internal:6379/0'
    expect(read({ DATABASE_URL: PG, REDIS_URL: redis }).invalidation.bus).toEqual({
      kind: 'redis',
      url: redis,
    })
    expect(read({ REDIS_URL: 'rediss://cache.internal' }).invalidation.bus.kind).toBe('redis')
  })

  it('takes an explicit choice, in-process included for a single PostgreSQL instance', () => {
    expect(read({ DATABASE_URL: PG, INVALIDATION_BUS: 'in-process' }).invalidation.bus).toEqual({
      kind: 'in-process',
    })
    expect(
      read({ DATABASE_URL: PG, REDIS_URL: 'redis://r', INVALIDATION_BUS: 'postgres' }).invalidation
        .bus.kind,
    ).toBe('postgres')
  })

  it.each([
    [{ INVALIDATION_BUS: 'kafka' }, 'INVALIDATION_BUS "kafka" is not one of auto, in-process'],
    [{ INVALIDATION_BUS: 'redis' }, 'INVALIDATION_BUS=redis needs REDIS_URL'],
    [
      { INVALIDATION_BUS: 'postgres' },
      'INVALIDATION_BUS=postgres needs a postgres:// DATABASE_URL',
    ],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL must start with redis:// or rediss://'],
    [{ REDIS_URL: 'cache:6379' }, 'REDIS_URL must start with redis://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL is not a URL'],
    [{ CDN_PURGE_URL: 'varnish:6081' }, 'CDN_PURGE_URL "varnish:6081" is not an http(s) URL'],
    [{ CDN_PURGE_URL: 'http://a/, ftp://b/' }, 'CDN_PURGE_URL "ftp://b/" is not an http(s) URL'],
  ])('refuses %j with one clear line', (env, message) => {
    expect(() => read(env)).toThrow(ConfigError)
    expect(() => read(env)).toThrow(message)
  })

  it('reads one or several purge endpoints, comma-separated', () => {
    expect(read({ CDN_PURGE_URL: 'http://127.0.0.1:6081' }).invalidation.purgeUrls).toEqual([
      'http://127.0.0.1:6081/',
    ])
    expect(
      read({ CDN_PURGE_URL: ' http://10.0.0.5:6081/ ,https://cdn.example/purge,' }).invalidation
        .purgeUrls,
    ).toEqual(['http://10.0.0.5:6081/', 'https://cdn.example/purge'])
  })
})

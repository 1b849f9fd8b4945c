import path from 'node:path'

import { ConfigError } from '@/config/configError'
import { parseDatabaseUrl } from '@/config/databaseUrl'

describe('parseDatabaseUrl', () => {
  it('uses a SQLite file in the data directory when DATABASE_URL is unset or blank', () => {
    for (const value of [undefined, '', '   ']) {
      expect(parseDatabaseUrl(value, '/srv/blog/data')).toEqual({
        kind: 'sqlite',
        file: '/srv/blog/data/payload.db',
        url: 'file:/srv/blog/data/payload.db',
      })
    }
  })

  it('accepts an explicit SQLite file', () => {
    expect(parseDatabaseUrl('file:./tmp/x.db', '/d')).toMatchObject({
      kind: 'sqlite',
      file: path.resolve('tmp/x.db'),
    })
  })

  it.each(['postgres://u:p@db:5432/blog', 'postgresql://db/blog', 'POSTGRES://db/blog'])(
    'chooses Postgres for %s',
    (url) => expect(parseDatabaseUrl(url, '/d')).toEqual({ kind: 'postgres', url, poolSize: 10 }),
  )

  it('takes the Postgres pool size from DATABASE_POOL_SIZE, 1 to 1000', () => {
    const url = 'postgres://db/blog'
    expect(parseDatabaseUrl(url, '/d', '3')).toMatchObject({ poolSize: 3 })
    for (const bad of ['0', '1001', 'ten', '2.5']) {
      expect(() => parseDatabaseUrl(url, '/d', bad)).toThrow(`DATABASE_POOL_SIZE "${bad}"`)
    }
  })

  it.each(['mongodb://db:27017/blog', 'mongodb+srv://cluster.example.org/blog'])(
    'chooses MongoDB for %s',
    (url) => expect(parseDatabaseUrl(url, '/d')).toEqual({ kind: 'mongodb', url }),
  )

  it.each(['mysql://db/blog', 'sqlite:blog.db', 'redis://localhost', 'blog.db'])(
    'refuses %s with one line naming the accepted forms',
    (url) => {
      expect(() => parseDatabaseUrl(url, '/d')).toThrow(ConfigError)
      try {
        parseDatabaseUrl(url, '/d')
      } catch (error) {
        const message = (error as Error).message
        expect(message).not.toContain('\n')
        expect(message).toMatch(/postgres:\/\//)
        expect(message).toMatch(/mongodb:\/\//)
        expect(message).toMatch(/unset/)
      }
    },
  )

  it('does not echo credentials of a refused URL', () => {
    expect(() => parseDatabaseUrl('mysql://admin:hunter2@db/blog', '/d')).toThrow(/^(?!.*hunter2)/)
  })
})

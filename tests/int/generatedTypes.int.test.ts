import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

describe('src/payload-types.ts', () => {
  it('matches what Payload generates from the current config (run `npm run generate:types`)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'types-'))
    const out = path.join(dir, 'payload-types.ts')
    // The committed types are for the SQL adapters (numeric ids); the config picks SQLite when
    // DATABASE_URL is unset.
    delete process.env.DATABASE_URL
    Object.assign(process.env, { DATA_DIR: dir, PAYLOAD_TS_OUTPUT_PATH: out })
    const { default: config } = await import('@payload-config')
    const { generateTypes } = await import('payload/node')
    await generateTypes(await config, { log: false })
    const committed = fs.readFileSync(path.resolve('src/payload-types.ts'), 'utf8')
    expect(committed).toBe(fs.readFileSync(out, 'utf8'))
  }, 60_000)
})

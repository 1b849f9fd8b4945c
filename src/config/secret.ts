import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** The generated secret's file in DATA_DIR (backups carry it with the database). */
export const SECRET_FILE = '.payload-secret'

/**
 * Outside production the secret is generated once and kept in the data directory, so sessions
 * survive restarts without any set-up. Production must pass PAYLOAD_SECRET (checked at start-up).
 */
export function readOrCreateSecret(dir: string): string {
  const file = path.join(dir, SECRET_FILE)
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing) return existing
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(dir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  // 'wx' so two processes starting at once cannot overwrite each other's secret.
  try {
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 })
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateSecret(dir)
    throw error
  }
}

import path from 'node:path'

/** Where the embedded database and the generated secret live; DATA_DIR moves it (tests do). */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.DATA_DIR?.trim() || 'data')
}

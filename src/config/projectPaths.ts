import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project's root (where package.json is), found from this file rather than the working
 * directory: the server started from elsewhere (a service manager, another shell) uses the same
 * data and uploads. Next's bundles keep this file's real path, so every module graph agrees.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A directory setting: unset means `fallback` in the project; a relative path is from the project. */
function projectDir(value: string | undefined, fallback: string): string {
  return path.resolve(PROJECT_ROOT, value?.trim() || fallback)
}

/** Where the embedded database and the generated secret live: DATA_DIR, else data/. */
export const dataDirOf = (value: string | undefined) => projectDir(value, 'data')

/** Where uploaded images are written: MEDIA_DIR, else the project's media/ folder. */
export const mediaDirOf = (value: string | undefined) => projectDir(value, 'media')

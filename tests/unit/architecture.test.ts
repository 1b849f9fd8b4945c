import fs from 'node:fs'
import path from 'node:path'

/**
 * The layering rules of the README's architecture section, checked on the sources: a newcomer
 * (or a quick fix) that breaks one learns it here rather than in a review.
 */
const root = process.cwd()

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(relative)
    return /\.tsx?$/.test(entry.name) && entry.name !== 'payload-types.ts' ? [relative] : []
  })
}

const files = [...sources('src'), ...sources('collections'), 'payload.config.ts']
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')
/** Code without its comments, so that prose about a rule does not break it. */
const code = (file: string) =>
  read(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')

describe('architecture', () => {
  it('reads the environment only in src/config, and never writes to it', () => {
    const readers = files.filter((file) => /\bprocess\.env\b/.test(code(file)))
    expect(readers.filter((file) => !file.startsWith('src/config/'))).toEqual([])
    const writers = files.filter((file) =>
      /process\.env(\.\w+|\[[^\]]+\])\s*(\?\?)?=[^=]/.test(code(file)),
    )
    expect(writers).toEqual([])
  })

  it('documents every variable it reads in the README and .env.example', () => {
    const variables = new Set(
      files
        .filter((file) => file.startsWith('src/config/'))
        .flatMap((file) => [...code(file).matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1])),
    )
    expect(variables.size).toBeGreaterThan(15)
    const readme = read('README.md')
    const example = read('.env.example')
    const undocumented = [...variables].filter(
      (name) => !readme.includes(`| \`${name}\``) || !new RegExp(`^${name}=`, 'm').test(example),
    )
    expect(undocumented).toEqual([])
  })

  it('keeps no state on globalThis', () => {
    expect(files.filter((file) => /\bglobalThis\b|\bglobal\./.test(code(file)))).toEqual([])
  })

  it('keeps the Express front free of Payload: it is handed what it needs', () => {
    const front = files.filter((file) => file.startsWith('src/server/'))
    expect(front.length).toBeGreaterThan(3)
    const importsPayload = front.filter((file) =>
      /from '(payload|@payloadcms\/[^']+|@payload-config|@collections\/[^']+)'/.test(code(file)),
    )
    expect(importsPayload).toEqual([])
  })

  it('keeps pages and Payload code away from the Express front', () => {
    const outside = files.filter(
      (file) => !file.startsWith('src/server/') && file !== 'src/start.ts',
    )
    const importers = outside.filter(
      (file) =>
        /from '@\/server\/(?!app')/.test(code(file)) || /from '@\/server\/app'/.test(code(file)),
    )
    // Only the wiring that builds the front's options names its types.
    expect(importers).toEqual(['src/cms/frontOptions.ts'])
  })

  it('defines each top-level helper once', () => {
    // Next's and Payload's conventional names (default exports, route handlers, metadata) aside.
    const conventional = new Set(['generateMetadata', 'GET', 'POST', 'Page', 'Layout'])
    const definedIn = new Map<string, string[]>()
    for (const file of files) {
      for (const match of code(file).matchAll(
        /^(?:export\s+)?(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+)\s*=\s*(?:async\s*)?\()/gm,
      )) {
        const name = match[1] ?? match[2]
        if (conventional.has(name)) continue
        definedIn.set(name, [...(definedIn.get(name) ?? []), file])
      }
    }
    const twice = [...definedIn].filter(([, where]) => where.length > 1)
    expect(Object.fromEntries(twice)).toEqual({})
  })
})

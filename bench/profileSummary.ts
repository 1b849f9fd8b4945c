/**
 * `node --import tsx/esm bench/profileSummary.ts <file.cpuprofile> [top=25]`: where a V8 CPU
 * profile (node --cpu-prof) spent its time, by package or file, then by function (self time).
 * Used to explain a benchmark target the server misses (README, Benchmarks).
 */
import fs from 'node:fs'

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const [file, topArg] = process.argv.slice(2)
if (!file) {
  console.error('usage: bench/profileSummary.ts <file.cpuprofile> [top]')
  process.exit(2)
}
const top = Number(topArg ?? 25)
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfMs = new Map<number, number>()
profile.samples.forEach((id, i) => {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
})
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0)

/** node_modules/<package> (scoped too), our own file, or what V8 calls it. */
function place(url: string): string {
  if (!url) return '(native / V8)'
  const modules = url.lastIndexOf('node_modules/')
  if (modules !== -1) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  if (url.startsWith('node:')) return url
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')
}

const tally = (key: (node: Node) => string) => {
  const sums = new Map<string, number>()
  for (const [id, ms] of selfMs) {
    const name = key(byId.get(id)!)
    sums.set(name, (sums.get(name) ?? 0) + ms)
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, top)
}
const print = (title: string, rows: [string, number][]) => {
  console.log(`\n| ${title} | self ms | share |\n| --- | ---: | ---: |`)
  for (const [name, ms] of rows) {
    console.log(`| ${name} | ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)}% |`)
  }
}
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled`)
print(
  'package or file',
  tally((node) => place(node.callFrame.url)),
)
print(
  'function',
  tally(
    (node) =>
      `${node.callFrame.functionName || '(anonymous)'} (${place(node.callFrame.url)}:${node.callFrame.lineNumber + 1})`,
  ),
)

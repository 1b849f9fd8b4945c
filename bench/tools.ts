import { onPath, runBounded } from './proc'

/** Debian packages the benchmark drives, by the command each provides. */
const PACKAGES: Record<string, string> = { nginx: 'nginx', wrk: 'wrk', varnishd: 'varnish' }

async function aptGet(args: string[]): Promise<boolean> {
  const result = await runBounded('apt-get', args, {
    timeoutMs: 10 * 60_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.code !== 0) process.stderr.write(result.stderr.slice(-2000))
  return result.code === 0
}

/** Installs nginx, wrk and Varnish with apt-get when they are missing (the benchmark runs as root). */
export async function ensureTools(commands: string[] = Object.keys(PACKAGES)): Promise<void> {
  const missing: string[] = []
  for (const command of commands) if (!(await onPath(command))) missing.push(command)
  if (!missing.length) return
  const packages = missing.map((command) => PACKAGES[command] ?? command)
  console.log(`Installing ${packages.join(', ')} with apt-get...`)
  const install = ['install', '-y', '--no-install-recommends', ...packages]
  if (!(await aptGet(install)) && !((await aptGet(['update'])) && (await aptGet(install)))) {
    throw new Error(
      `Could not install ${packages.join(', ')}; install them (apt-get install ${packages.join(' ')}) and run again`,
    )
  }
  for (const command of missing) {
    if (!(await onPath(command))) throw new Error(`${command} is still not on the PATH`)
  }
}

/**
 * One instance per process, whichever module graph asks for it. Next bundles the pages while the
 * server loads the same sources through tsx, so a module can be evaluated twice in one process;
 * what both sides must share (caches, flags, the response being rendered) lives on globalThis
 * under a registered symbol.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`agency-blog.${name}`)
  const holder = globalThis as unknown as Record<symbol, T | undefined>
  return (holder[key] ??= create())
}

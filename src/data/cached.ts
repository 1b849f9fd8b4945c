import { runtimeOf } from '@/runtime/runtime'

import { getPayloadClient } from './getPayloadClient'

/**
 * Wraps a published-content loader so its results are kept in the runtime's content cache under
 * a key made of its name and arguments, until a change to one of its tags.
 */
export function cached<A extends unknown[], T>(
  name: string,
  tagsOf: (...args: NoInfer<A>) => string[],
  load: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  return async (...args: A) => {
    const { content } = runtimeOf(await getPayloadClient())
    return content.get(`${name}:${JSON.stringify(args)}`, tagsOf(...args), () => load(...args))
  }
}

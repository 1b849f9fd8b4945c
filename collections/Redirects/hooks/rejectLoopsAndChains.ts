import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { idOf } from '@/lib/idOf'
import type { Redirect } from '@/payload-types'
import { livePostAt, redirectFrom } from '@/redirects/redirectQueries'
import { checkFromPath, checkTargetUrl, sitePathOf } from '@/redirects/redirectPaths'

type FieldError = { path: string; message: string }

/**
 * The rules that need the database, before anything is written (400, naming the field):
 * - no loop: a redirect to its own path;
 * - no chain: a redirect to a path that itself redirects (incoming ones are repointed instead,
 *   see flattenChainsInto), so a reader is never sent through two redirects;
 * - no redirect from the address of another published post, which answers there itself.
 * A malformed path is left to the fields' own validation, which runs next.
 */
export const rejectLoopsAndChains: CollectionBeforeChangeHook<Redirect> = async ({
  data,
  originalDoc,
  req,
}) => {
  const from = checkFromPath(String(data.from ?? originalDoc?.from ?? ''))
  if (!from.ok) return data
  const to = { ...originalDoc?.to, ...data.to }
  const self = originalDoc?.id ?? null
  const errors: FieldError[] = []

  if (to.type === 'url' && typeof to.url === 'string') {
    const target = checkTargetUrl(to.url)
    const path = target.ok ? sitePathOf(target.value) : null
    if (path === from.value) {
      errors.push({ path: 'to.url', message: 'A redirect cannot lead to its own path.' })
    } else if (path && (await redirectFrom(req, path, self))) {
      errors.push({
        path: 'to.url',
        message: `${path} already redirects elsewhere: point this redirect at that target instead, so readers are not sent on twice.`,
      })
    }
  }

  const post = await livePostAt(req, from.value, to.type === 'post' ? idOf(to.post) : null)
  if (post) {
    errors.push({
      path: 'from',
      message: `${from.value} is the address of the published post "${post.title}", which answers there itself.`,
    })
  }

  if (errors.length) throw new ValidationError({ collection: 'redirects', errors, req })
  return data
}

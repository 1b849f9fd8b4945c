import type { RequestHandler } from 'express'

import { sendError } from './clientError'

export type RenderLimitOptions = {
  /** Renders in progress at once (RENDER_CONCURRENCY). */
  concurrent: number
  /** Requests that may wait for a turn; one more is answered 503 at once. */
  waiting: number
}

/** Page renders: what Next does for a GET that the page store did not answer (not the APIs). */
const isRender = (method: string, path: string) =>
  (method === 'GET' || method === 'HEAD') && !/^\/(api|_next)\//.test(path)

/**
 * At most `concurrent` page renders at a time, first come first served; up to `waiting` more
 * wait for a turn, and the next one is answered 503 with Retry-After. One Node thread renders, so
 * more renders at once only hold more memory (each a page's worth of React and data), and a burst
 * of uncached pages could take the process's heap; a render's turn ends when its response is
 * sent or its client goes away. The state belongs to one front (one createApp).
 */
export function renderLimit({ concurrent, waiting }: RenderLimitOptions): RequestHandler {
  let running = 0
  const queue: (() => void)[] = []
  const release = () => {
    const next = queue.shift()
    // The turn passes straight to the first waiting request; `running` stays the same.
    if (next) next()
    else running--
  }
  return (req, res, next) => {
    if (!isRender(req.method, req.path)) return next()
    const start = () => {
      res.once('close', release)
      next()
    }
    if (running < concurrent) {
      running++
      return start()
    }
    if (queue.length >= waiting) {
      res.setHeader('Retry-After', '2')
      return sendError(res, 503, 'The site is busy right now. Please try again in a moment.')
    }
    queue.push(start)
    // A client that leaves while waiting gives up its place.
    res.once('close', () => {
      const index = queue.indexOf(start)
      if (index >= 0) queue.splice(index, 1)
    })
  }
}

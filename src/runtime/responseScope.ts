import { AsyncLocalStorage } from 'node:async_hooks'
import type { ServerResponse } from 'node:http'

type UserId = number | string

/**
 * The response a request is being answered with, in reach of the code answering it. The Express
 * front runs Next's handler inside `run`; pages and Payload's hooks (a separate module graph in
 * the same process) reach this object through the runtime, so neither side imports the other.
 *
 * - A page sets its HTTP status without throwing. Next 16 renders `notFound()` thrown from a
 *   dynamic page as an empty error document (`<html id="__next_error__">`, no layout, no `lang`)
 *   and draws the not-found UI only in the browser, from the RSC payload (vercel/next.js#62228):
 *   readers without JavaScript, crawlers and screen readers arriving early get a blank page. Our
 *   pages instead render the not-found content inside the layout and ask for the status here.
 * - Payload notes the signed-in staff member a request acted for, for the request log.
 */
export class ResponseScope {
  private readonly responses = new AsyncLocalStorage<ServerResponse>()
  private readonly users = new WeakMap<ServerResponse, UserId>()

  run<T>(res: ServerResponse, answer: () => T): T {
    return this.responses.run(res, answer)
  }

  /** Sets the status of the response being rendered; false when there is none in reach. */
  setStatus(status: number): boolean {
    const res = this.responses.getStore()
    if (!res || res.headersSent) return false
    res.statusCode = status
    return true
  }

  /** Records who the request is answered for (the first signed-in user Payload saw). */
  noteUser(id: UserId | undefined): void {
    const res = this.responses.getStore()
    if (res && id !== undefined && !this.users.has(res)) this.users.set(res, id)
  }

  userOf(res: ServerResponse): UserId | undefined {
    return this.users.get(res)
  }
}

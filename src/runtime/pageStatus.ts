import { AsyncLocalStorage } from 'node:async_hooks'
import type { ServerResponse } from 'node:http'

/**
 * Lets a page set its HTTP status without throwing.
 *
 * Next 16 renders `notFound()` thrown from a dynamic page as an empty error document
 * (`<html id="__next_error__">`, no layout, no `lang`) and draws the not-found UI only in the
 * browser, from the RSC payload (vercel/next.js#62228): readers without JavaScript, crawlers and
 * screen readers arriving early get a blank page. Our pages instead render the not-found content
 * inside the layout and ask for the status here. The Express front runs Next's handler inside
 * `run`, so the response is in reach of the page's render; both reach this object through the
 * runtime, so neither imports the other.
 */
export class PageStatus {
  private readonly responses = new AsyncLocalStorage<ServerResponse>()

  run<T>(res: ServerResponse, render: () => T): T {
    return this.responses.run(res, render)
  }

  /** Sets the status of the response being rendered; false when there is none in reach. */
  set(status: number): boolean {
    const res = this.responses.getStore()
    if (!res || res.headersSent) return false
    res.statusCode = status
    return true
  }
}

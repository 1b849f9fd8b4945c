import { randomUUID } from 'node:crypto'

import { createClient } from 'redis'

import {
  busErrorMessage,
  reconnectDelay,
  settledWithin,
  type BusLogger,
  type InvalidationBus,
  type InvalidationListener,
} from './invalidationBus'
import { decodeNotice, encodeNotice } from './invalidationNotice'

export const REDIS_CHANNEL = 'agency-blog:invalidation'

const CONNECT_TIMEOUT_MS = 5000

/** A client that reconnects with growing delays until the bus is closed. */
const redisClientFor = (url: string, stopped: () => boolean, disableOfflineQueue: boolean) =>
  createClient({
    url,
    disableOfflineQueue,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => (stopped() ? false : reconnectDelay(retries)),
    },
    pingInterval: 30_000,
  })

type Client = ReturnType<typeof redisClientFor>

/**
 * Redis pub/sub on REDIS_URL: one connection publishes (refusing, not queueing, while it is
 * down), a second one subscribes. node-redis reconnects both with growing delays and subscribes
 * again before it reports the connection ready; notices sent while it was down are lost, so each
 * time it is ready again the instance drops everything it cached.
 */
export class RedisInvalidationBus implements InvalidationBus {
  readonly kind = 'redis' as const
  readonly instanceId = randomUUID()
  private publisher: { client: Client; connected: Promise<unknown> } | null = null
  private subscriber: Client | null = null
  private closed = false

  constructor(private readonly url: string) {}

  async publish(tags: string[], logger: BusLogger): Promise<void> {
    if (this.closed) return
    try {
      const { client, connected } = this.publisherFor(logger)
      await settledWithin(connected, CONNECT_TIMEOUT_MS)
      await client.publish(REDIS_CHANNEL, encodeNotice({ origin: this.instanceId, tags }))
    } catch (error) {
      logger.warn(
        { err: { message: busErrorMessage(error) }, tags },
        'could not tell the other instances about a change (Redis PUBLISH)',
      )
    }
  }

  async subscribe(listener: InvalidationListener, logger: BusLogger): Promise<void> {
    const client = this.client(logger)
    this.subscriber = client
    // Ready again after a disconnection (or first ready after start-up stopped waiting): notices
    // may have been missed.
    let dropOnReady = false
    client.on('ready', () => {
      if (dropOnReady) {
        logger.info('hearing other instances’ changes again (Redis); dropped every cached page')
        listener.missed()
      }
      dropOnReady = true
    })
    const subscribed = client.connect().then(() =>
      client.subscribe(REDIS_CHANNEL, (message) => {
        const notice = decodeNotice(message)
        if (notice && notice.origin !== this.instanceId) listener.notice(notice.tags)
      }),
    )
    subscribed.catch((error: unknown) => {
      if (!this.closed) {
        logger.error({ err: { message: busErrorMessage(error) } }, 'could not subscribe to Redis')
      }
    })
    if (!(await settledWithin(subscribed, CONNECT_TIMEOUT_MS * 2))) {
      dropOnReady = true
      logger.warn('still connecting to Redis to hear other instances’ changes')
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const clients = [this.subscriber, this.publisher?.client].filter((c): c is Client => !!c)
    this.subscriber = null
    this.publisher = null
    for (const client of clients) client.destroy()
  }

  private publisherFor(logger: BusLogger) {
    if (!this.publisher) {
      const client = this.client(logger, { disableOfflineQueue: true })
      const connected = client.connect()
      connected.catch(() => undefined)
      this.publisher = { client, connected }
    }
    return this.publisher
  }

  private client(logger: BusLogger, { disableOfflineQueue = false } = {}): Client {
    const client = redisClientFor(this.url, () => this.closed, disableOfflineQueue)
    let lastWarned = 0
    // A down server is reported on every reconnection attempt: one line every ten seconds.
    client.on('error', (error: unknown) => {
      if (this.closed || Date.now() - lastWarned < 10_000) return
      lastWarned = Date.now()
      logger.warn(
        { err: { message: busErrorMessage(error) } },
        'Redis connection lost; reconnecting',
      )
    })
    return client
  }
}

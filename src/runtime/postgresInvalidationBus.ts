import { randomUUID } from 'node:crypto'

import pg from 'pg'

import {
  busErrorMessage,
  reconnectDelay,
  settledWithin,
  type BusLogger,
  type InvalidationBus,
  type InvalidationListener,
} from './invalidationBus'
import { decodeNotice, encodeNotice } from './invalidationNotice'

/** One channel per database: two sites on one PostgreSQL server do not hear each other. */
export const POSTGRES_CHANNEL = 'agency_blog_invalidation'

/** The listening connection's application_name, followed by the instance id. */
export const LISTENER_NAME = 'agency-blog invalidation'

const CONNECT_TIMEOUT_MS = 5000
/** A listening connection that a network cut left half-open is found by this ping. */
const PING_INTERVAL_MS = 30_000

/**
 * PostgreSQL LISTEN/NOTIFY. Notices are sent outside the write's transaction, on the listening
 * connection (or, while it is down, through a small pool of their own: one connection, closed
 * when idle); they are heard on that one dedicated connection, which is opened again with growing delays whenever it drops. Notices sent while it
 * was down are lost, so on every reconnection the instance drops everything it cached.
 */
export class PostgresInvalidationBus implements InvalidationBus {
  readonly kind = 'postgres' as const
  readonly instanceId = randomUUID()
  private publisher: pg.Pool | null = null
  private listening: pg.Client | null = null
  private listener: InvalidationListener | null = null
  private logger: BusLogger | null = null
  private closed = false
  private attempts = 0
  /** Set when the connection was lost or never made: the next one drops the caches. */
  private missedSome = false
  private retryTimer: NodeJS.Timeout | undefined
  private pingTimer: NodeJS.Timeout | undefined

  constructor(private readonly url: string) {}

  async publish(tags: string[], logger: BusLogger): Promise<void> {
    if (this.closed) return
    try {
      // The listening connection is always open and warm: a notice on it costs one round trip,
      // where the pool's idle connection may have to connect first.
      await (this.listening ?? this.pool(logger)).query('SELECT pg_notify($1, $2)', [
        POSTGRES_CHANNEL,
        encodeNotice({ origin: this.instanceId, tags }),
      ])
    } catch (error) {
      logger.warn(
        { err: { message: busErrorMessage(error) }, tags },
        'could not tell the other instances about a change (PostgreSQL NOTIFY)',
      )
    }
  }

  async subscribe(listener: InvalidationListener, logger: BusLogger): Promise<void> {
    this.listener = listener
    this.logger = logger
    if (!(await settledWithin(this.connect(), CONNECT_TIMEOUT_MS * 2))) {
      logger.warn('still connecting to PostgreSQL to hear other instances’ changes')
    }
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.retryTimer)
    clearInterval(this.pingTimer)
    const client = this.listening
    this.listening = null
    await Promise.all([client?.end().catch(() => undefined), this.publisher?.end()])
    this.publisher = null
  }

  private pool(logger: BusLogger): pg.Pool {
    if (!this.publisher) {
      this.publisher = new pg.Pool({
        connectionString: this.url,
        max: 1,
        idleTimeoutMillis: 10_000,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        query_timeout: CONNECT_TIMEOUT_MS,
        allowExitOnIdle: true,
      })
      this.publisher.on('error', (error) =>
        logger.warn({ err: { message: error.message } }, 'notice connection lost'),
      )
    }
    return this.publisher
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      // Which instance listens on which connection, in pg_stat_activity.
      application_name: `${LISTENER_NAME} ${this.instanceId}`,
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: CONNECT_TIMEOUT_MS,
    })
    client.on('error', (error) => this.lost(client, error))
    client.on('end', () => this.lost(client, null))
    client.on('notification', ({ channel, payload }) => {
      if (channel !== POSTGRES_CHANNEL || !payload) return
      const notice = decodeNotice(payload)
      if (notice && notice.origin !== this.instanceId) this.listener?.notice(notice.tags)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${POSTGRES_CHANNEL}`)
    } catch (error) {
      client.removeAllListeners('end')
      client.end().catch(() => undefined)
      if (this.closed) return
      this.logger?.warn(
        { err: { message: busErrorMessage(error) } },
        'could not listen for other instances’ changes; trying again',
      )
      this.missedSome = true
      this.retry()
      return
    }
    if (this.closed) {
      await client.end().catch(() => undefined)
      return
    }
    this.listening = client
    this.attempts = 0
    this.pingTimer = setInterval(() => {
      client.query('SELECT 1').catch((error: unknown) => this.lost(client, error))
    }, PING_INTERVAL_MS).unref()
    if (this.missedSome) {
      this.missedSome = false
      this.logger?.info('listening for other instances’ changes again; dropped every cached page')
      this.listener?.missed()
    }
  }

  private lost(client: pg.Client, error: unknown) {
    if (this.listening !== client) return
    this.listening = null
    clearInterval(this.pingTimer)
    client.removeAllListeners('end')
    client.end().catch(() => undefined)
    if (this.closed) return
    this.logger?.warn(
      { err: { message: error ? busErrorMessage(error) : 'connection ended' } },
      'stopped hearing other instances’ changes (PostgreSQL LISTEN connection lost); reconnecting',
    )
    this.missedSome = true
    this.retry()
  }

  private retry() {
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => void this.connect(), reconnectDelay(this.attempts++))
    this.retryTimer.unref()
  }
}

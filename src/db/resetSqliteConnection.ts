import type { Payload } from 'payload'

type SqliteAdapterHandles = {
  name?: string
  client?: { close(): void }
  connect?: () => Promise<void>
}

/**
 * After a lock timeout (SQLITE_BUSY), the SQLite client can be left with a statement that was
 * never reset: the connection then stays inside an implicit transaction, and every later write on
 * it looks stored but is never committed (lost at the next restart; other connections never see
 * it). Measured on libsql under load: "cannot commit transaction - SQL statements in progress".
 * Opening a new connection (and closing the stuck one, which holds only that unfinished read)
 * puts writes back in autocommit. PostgreSQL's pool replaces broken connections by itself.
 */
export async function resetSqliteConnection(payload: Payload): Promise<void> {
  const adapter = payload.db as unknown as SqliteAdapterHandles
  if (adapter.name !== 'sqlite' || !adapter.client || !adapter.connect) return
  const stuck = adapter.client
  adapter.client = undefined
  await adapter.connect.call(adapter)
  stuck.close()
  payload.logger.warn('SQLite connection replaced after a lock timeout')
}

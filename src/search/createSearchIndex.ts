import type { DatabaseTarget } from '@/config/databaseUrl'

import { MongoSearchIndex } from './mongoSearchIndex'
import { postgresSearchIndex } from './postgresSearchIndex'
import type { SearchIndex } from './searchIndex'
import { sqliteSearchIndex } from './sqliteSearchIndex'

/** The search index for the configured database. */
export function createSearchIndex(kind: DatabaseTarget['kind']): SearchIndex {
  if (kind === 'sqlite') return sqliteSearchIndex
  if (kind === 'postgres') return postgresSearchIndex
  return new MongoSearchIndex()
}

import type { InvalidationBusTarget } from '@/config/sharedInvalidation'

import { InProcessInvalidationBus, type InvalidationBus } from './invalidationBus'
import { PostgresInvalidationBus } from './postgresInvalidationBus'
import { RedisInvalidationBus } from './redisInvalidationBus'

/** The bus INVALIDATION_BUS chose; nothing is connected until it subscribes. */
export function createInvalidationBus(target: InvalidationBusTarget): InvalidationBus {
  if (target.kind === 'postgres') return new PostgresInvalidationBus(target.url)
  if (target.kind === 'redis') return new RedisInvalidationBus(target.url)
  return new InProcessInvalidationBus()
}

import pino, { type Logger } from 'pino'

import type { AppConfig } from '@/config/appConfig'

/**
 * Payload's logger (pino), as the configuration asks: JSON lines written asynchronously, or
 * coloured text formatted by pino-pretty in a worker thread. Payload's default formats every line
 * on the main thread, synchronously, which halved the requests a server could answer.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): Logger {
  const options = { level: config.logLevel, base: undefined }
  if (config.logFormat === 'pretty') {
    return pino(
      options,
      pino.transport({
        target: 'pino-pretty',
        options: {
          colorize: true,
          ignore: 'pid,hostname',
          translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
        },
      }),
    )
  }
  return pino(
    { ...options, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  )
}

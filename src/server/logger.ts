/** The part of Payload's logger (pino) the front uses; start-up hands in payload.logger. */
export type Logger = {
  debug(details: object, message?: string): void
  info(details: object, message?: string): void
  warn(details: object, message?: string): void
  error(details: object, message?: string): void
}

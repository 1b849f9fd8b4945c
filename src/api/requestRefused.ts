import { APIError } from 'payload'

/**
 * A request refused by our rules (4xx), its message shown to the caller. Its own name lets the
 * logger file it under info (payloadConfig's loggingLevels): a refusal is not a server error.
 */
export class RequestRefused extends APIError {
  constructor(message: string, status: number, data?: Record<string, unknown>) {
    super(message, status, data, true)
  }
}

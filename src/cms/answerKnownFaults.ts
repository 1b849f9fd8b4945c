import type { AfterErrorHook } from 'payload'

import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '@/db/databaseUnavailable'
import { resetSqliteConnection } from '@/db/resetSqliteConnection'

/**
 * Errors that Payload's request handling raises on input it could not read, which it would
 * answer 500: they are the caller's fault, so they get a 400 that says what was wrong.
 */
const CLIENT_FAULTS: [test: (error: Error) => boolean, message: string][] = [
  [
    (error) =>
      /unexpected end of form|malformed part header|boundary not found|malformed urlencoded form/i.test(
        error.message,
      ),
    'The multipart form data could not be read: it is malformed or incomplete.',
  ],
  [
    (error) => error instanceof SyntaxError && /JSON/i.test(error.message),
    'A value in the request is not valid JSON (a `where` filter must be an object of conditions).',
  ],
]

/**
 * Payload answers 500 to every error it does not know. Two kinds are not server bugs: input it
 * could not read (400, saying what was wrong) and a database that cannot be reached for the
 * moment (503 with Retry-After: try again shortly; the pool reconnects by itself).
 */
export const answerKnownFaults: AfterErrorHook = async ({ error, req }) => {
  if (isDatabaseUnavailable(error)) {
    await resetSqliteConnection(req.payload)
    req.responseHeaders = new Headers({ 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) })
    return {
      status: 503,
      response: {
        errors: [
          { message: 'The site cannot reach its database just now; try again in a moment.' },
        ],
      },
    }
  }
  const fault = CLIENT_FAULTS.find(([test]) => test(error))
  if (!fault) return
  return { status: 400, response: { errors: [{ message: fault[1] }] } }
}

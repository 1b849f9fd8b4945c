import type { AfterErrorHook } from 'payload'

/**
 * Errors that Payload's request handling raises on input it could not read, which it would
 * answer 500: they are the caller's fault, so they get a 400 that says what was wrong.
 */
const CLIENT_FAULTS: [test: (error: Error) => boolean, message: string][] = [
  [
    (error) =>
      /unexpected end of form|malformed part header|boundary not found|multipart/i.test(
        error.message,
      ),
    'The multipart form data could not be read: it is malformed or incomplete.',
  ],
  [
    (error) => error instanceof SyntaxError && /JSON/i.test(error.message),
    'A value in the request is not valid JSON (a `where` filter must be an object of conditions).',
  ],
]

export const answerClientFaults: AfterErrorHook = ({ error }) => {
  const fault = CLIENT_FAULTS.find(([test]) => test(error))
  if (!fault) return
  return { status: 400, response: { errors: [{ message: fault[1] }] } }
}

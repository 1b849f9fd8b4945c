import { ValidationError } from 'payload'

import type { FieldError } from '../comments/rules/validateSubmission'

/** Refuses a comment request field by field: 400 `{ errors: [{ path, message }] }`. */
export function refuseFields(errors: FieldError[]): never {
  throw new ValidationError({ collection: 'comments', errors })
}

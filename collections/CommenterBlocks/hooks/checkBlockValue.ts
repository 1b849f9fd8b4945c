import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { RequestRefused } from '@/api/requestRefused'
import { normalizeBlockValue } from '@/comments/blocks/blockValues'
import type { CommenterBlock } from '@/payload-types'

/**
 * A new block's kind and value must be something a comment can match (an email, an IP address, a
 * CIDR range Node accepts), stored in the form the submission check compares. What a block
 * matches never changes afterwards: its audit entry would no longer say what was blocked.
 */
export const checkBlockValue: CollectionBeforeValidateHook<CommenterBlock> = ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data) return data
  if (operation === 'update' && originalDoc) {
    for (const field of ['kind', 'value'] as const) {
      if (field in data && data[field] !== originalDoc[field]) {
        throw new RequestRefused(
          `What a block matches cannot be changed: lift it and add another (field: ${field})`,
          400,
        )
      }
    }
    return data
  }
  const checked = normalizeBlockValue(data.kind, data.value)
  if ('error' in checked) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: checked.path, message: checked.error }],
      req,
    })
  }
  return { ...data, value: checked.value }
}

import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { rasterImageType } from '@/lib/rasterImageType'

/**
 * Checks the uploaded bytes themselves: an SVG renamed to .png or sent as image/png is still
 * refused, because SVG and XML can carry script that would run on our origin.
 */
export const rejectNonRasterUpload: CollectionBeforeValidateHook = ({ data, req }) => {
  const file = req.file
  if (!file) return data
  if (!rasterImageType(file.data)) {
    throw new ValidationError({
      collection: 'media',
      errors: [
        {
          path: 'file',
          message:
            'Only JPEG, PNG, GIF, WebP or AVIF images can be uploaded (SVG and XML are refused).',
        },
      ],
    })
  }
  return data
}

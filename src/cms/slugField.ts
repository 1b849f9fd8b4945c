import type { TextField } from 'payload'

import { SLUG_PATTERN, slugify } from '@/lib/slugify'

/**
 * A unique, editable slug. Left empty, it is made from `source`; when that slug is taken in the
 * collection a number is appended. A slug typed by hand must be free and well-formed.
 */
export function slugField(source: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    maxLength: 80,
    admin: {
      position: 'sidebar',
      description: `Part of the page address. Left empty, it is made from the ${source}.`,
    },
    validate: (value: string | null | undefined) =>
      !value || SLUG_PATTERN.test(value)
        ? true
        : 'Use lowercase letters, digits and single hyphens (e.g. "water-quality-report").',
    hooks: {
      beforeValidate: [
        async ({ value, data, originalDoc, collection, req }) => {
          if (typeof value === 'string' && value.trim()) return value.trim()
          const title = (data?.[source] ?? originalDoc?.[source]) as string | undefined
          if (!title || !collection) return value
          const base = slugify(title) || 'untitled'
          for (let n = 1; n < 100; n++) {
            const candidate = n === 1 ? base : `${base}-${n}`
            const { totalDocs } = await req.payload.count({
              collection: collection.slug as 'posts',
              where: {
                slug: { equals: candidate },
                ...(originalDoc?.id ? { id: { not_equals: originalDoc.id } } : {}),
              },
              req,
            })
            if (totalDocs === 0) return candidate
          }
          return `${base}-${Date.now()}`
        },
      ],
    },
  }
}

import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

import type { NameSource } from './searchIndex'

/**
 * Hooks for a collection whose name appears in posts' search entries (authors' names,
 * categories' titles): a rename updates those entries, and a deletion takes the name out of them
 * before the relationship rows go. Both run in the write's transaction.
 */
export function refreshNamesInSearch(
  field: NameSource['field'],
  nameField: string,
): { afterChange: CollectionAfterChangeHook; beforeDelete: CollectionBeforeDeleteHook } {
  return {
    afterChange: async ({ doc, previousDoc, operation, req }) => {
      if (operation === 'update' && previousDoc?.[nameField] !== doc[nameField]) {
        await runtimeOf(req.payload).search.refreshNames(req, { field, id: doc.id })
      }
      return doc
    },
    beforeDelete: async ({ id, req }) => {
      await runtimeOf(req.payload).search.refreshNames(req, { field, id, leaving: true })
    },
  }
}

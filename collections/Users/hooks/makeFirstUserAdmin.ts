import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The account created through the admin's first-run screen must be able to manage the site, so
 * the very first user is an admin whatever was asked for.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) data.role = 'admin'
  return data
}

import type { CollectionSlug, DataFromCollectionSlug, GlobalSlug, Payload } from 'payload'

/**
 * What the database holds for one document, read past access control (private fields included)
 * with its number of versions: compare it before and after a refused write.
 */
export async function storedDoc<S extends CollectionSlug>(
  payload: Payload,
  collection: S,
  id: number | string,
): Promise<{ doc: DataFromCollectionSlug<S> | null; versions: number | null }> {
  const doc = (await payload.findByID({
    collection,
    id,
    depth: 0,
    disableErrors: true,
  })) as DataFromCollectionSlug<S> | null
  const versions = payload.collections[collection].config.versions
    ? (await payload.countVersions({ collection, where: { parent: { equals: id } } })).totalDocs
    : null
  return { doc, versions }
}

/** How many documents a collection holds, past access control: compare around refused creates. */
export async function storedCount(payload: Payload, collection: CollectionSlug): Promise<number> {
  return (await payload.count({ collection })).totalDocs
}

export async function storedGlobal<T extends GlobalSlug>(payload: Payload, slug: T) {
  return payload.findGlobal({ slug, depth: 0 })
}

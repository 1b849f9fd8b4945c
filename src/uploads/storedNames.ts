/** What an upload document records of its files: the original's name and each size's. */
export type UploadFileNames = {
  filename?: string | null
  sizes?: Record<string, { filename?: string | null } | null | undefined> | null
}

/**
 * A name Payload could have given a file (it strips separators when it sanitises uploads): one
 * path segment, no control characters. Anything else is never looked up in the store.
 */
export function isStorableName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\u0000-\u001f\u007f]/.test(name)
  )
}

/** Every stored file of a document: the original first, then its resized copies. */
export function storedNamesOf(doc: UploadFileNames | null | undefined): string[] {
  if (!doc) return []
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
  return [...new Set(names.filter(isStorableName))]
}

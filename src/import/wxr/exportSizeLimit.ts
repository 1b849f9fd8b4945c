/**
 * The largest WordPress export the admin's import page takes, in bytes: the Express front refuses
 * a longer declared body (bodyLimit), the endpoint stops reading past it. The file goes to disk as
 * it arrives, so this bounds disk use, not memory.
 */
export const MAX_EXPORT_BYTES = 300 * 1024 * 1024

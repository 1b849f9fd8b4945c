import { readApiResult, type ApiResult } from '@/admin/readApiResult'
import type { ImportRun } from '@/runtime/importRuns'

export type CheckResult = { lines: string[] }

const unreachable = {
  ok: false,
  status: 0,
  body: null,
  message: 'The server could not be reached. Check your connection.',
} as const

/** Sends the export as it is (the browser streams the file), with the admin's session cookie. */
export async function sendExport<T>(
  apiRoute: string,
  mode: 'check' | 'import',
  file: File,
  archive: boolean,
): Promise<ApiResult<T>> {
  const query = new URLSearchParams({ mode, archive: archive ? '1' : '0', name: file.name })
  try {
    const response = await fetch(`${apiRoute}/posts/import-wxr?${query}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/xml' },
      body: file,
    })
    return await readApiResult<T>(response)
  } catch {
    return unreachable
  }
}

export async function readImportRun(apiRoute: string, id: string): Promise<ApiResult<ImportRun>> {
  try {
    const response = await fetch(`${apiRoute}/posts/import-wxr/${encodeURIComponent(id)}`, {
      credentials: 'include',
    })
    return await readApiResult<ImportRun>(response)
  } catch {
    return unreachable
  }
}

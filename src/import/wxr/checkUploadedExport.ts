import type { Payload } from 'payload'

import { describeSummary, type ImportSummary } from './importSummary'
import { importWxr } from './importWxr'
import { saveUploadedExport } from './saveUploadedExport'

/**
 * A dry run of an uploaded export: everything the import would do, counted, nothing written.
 * A file that cannot be read throws its WxrError.
 */
export async function checkUploadedExport(
  payload: Payload,
  body: ReadableStream<Uint8Array> | null | undefined,
  { name, archive }: { name: string; archive: boolean },
): Promise<{ summary: ImportSummary; lines: string[] }> {
  const upload = await saveUploadedExport(body, name)
  try {
    const summary = await importWxr(payload, upload.file, { archive, dryRun: true })
    return { summary, lines: describeSummary(summary, { dryRun: true }) }
  } finally {
    await upload.remove()
  }
}

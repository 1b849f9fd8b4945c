import type { Payload } from 'payload'

import { RequestRefused } from '@/api/requestRefused'
import type { User } from '@/payload-types'
import { ImportBusy, type ImportRuns } from '@/runtime/importRuns'
import { runtimeOf } from '@/runtime/runtime'

import { describeSummary } from './importSummary'
import { importWxr, surveyWxr } from './importWxr'
import { saveUploadedExport, type UploadedExport } from './saveUploadedExport'

type RunOptions = { name: string; archive: boolean; actor: Pick<User, 'id' | 'email'> }

/**
 * Starts an import of an uploaded export and returns its run id without waiting for it: the file
 * is received and read through first (a broken file throws its WxrError and leaves no run), then
 * imported in the background, its progress kept in the runtime's import runs. One at a time: the
 * slot is taken before the body is read, so a second upload is refused (409) at once.
 */
export async function startImportRun(
  payload: Payload,
  body: ReadableStream<Uint8Array> | null | undefined,
  options: RunOptions,
): Promise<string> {
  const runs = runtimeOf(payload).imports
  let runId: string
  try {
    runId = runs.begin(options.name, options.archive).id
  } catch (error) {
    if (error instanceof ImportBusy) throw new RequestRefused(error.message, 409)
    throw error
  }
  let upload: UploadedExport | null = null
  try {
    upload = await saveUploadedExport(body, options.name)
    runs.started(runId, await surveyWxr(upload.file))
  } catch (error) {
    runs.discard(runId)
    await upload?.remove()
    throw error
  }
  void importInBackground(payload, runs, runId, upload, options)
  return runId
}

async function importInBackground(
  payload: Payload,
  runs: ImportRuns,
  runId: string,
  upload: UploadedExport,
  { archive, actor }: RunOptions,
): Promise<void> {
  try {
    const summary = await importWxr(payload, upload.file, {
      archive,
      actor,
      onProgress: (progress) => runs.progress(runId, progress),
    })
    runs.finish(runId, summary, describeSummary(summary, { dryRun: false }))
  } catch (error) {
    // The file was read through before the run started: what fails here is not the caller's.
    payload.logger.error({ err: error }, 'WordPress import from the admin failed')
    runs.fail(runId, (error as Error).message)
  } finally {
    await upload
      .remove()
      .catch((error: unknown) =>
        payload.logger.error({ err: error }, 'could not delete an uploaded WordPress export'),
      )
  }
}

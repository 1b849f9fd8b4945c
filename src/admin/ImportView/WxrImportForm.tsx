'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { ImportRun } from '@/runtime/importRuns'

import { ImportProgress } from './ImportProgress'
import { readImportRun, sendExport, type CheckResult } from './importRequests'

type Props = { apiRoute: string; activeRun: ImportRun | null }

const POLL_MS = 1000

/**
 * Choose the export, check it (a dry run: its summary lines), then import it and follow the run,
 * polled every second, until its summary. Changing the file or the archive box asks for a new
 * check, so what is imported is what was checked.
 */
export function WxrImportForm({ apiRoute, activeRun }: Props) {
  const [file, setFile] = useState<File | null>(null)
  const [archive, setArchive] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [check, setCheck] = useState<string[] | null>(null)
  const [run, setRun] = useState<ImportRun | null>(activeRun)
  const working = run?.state === 'checking' || run?.state === 'running'
  const runId = working ? run.id : null

  useEffect(() => {
    if (!runId) return
    const timer = setInterval(() => {
      void readImportRun(apiRoute, runId).then((result) => {
        if (result.ok) setRun(result.body)
        else if (result.status === 404) {
          setRun(null)
          setError('The import is no longer known: the server may have restarted.')
        } else setError(result.message)
      })
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [apiRoute, runId])

  const choose = (next: File | null, nextArchive: boolean) => {
    setFile(next)
    setArchive(nextArchive)
    setCheck(null)
    setError(null)
    setRun(null)
  }

  async function checkFile() {
    if (!file) return
    setBusy(true)
    setError(null)
    setCheck(null)
    const result = await sendExport<CheckResult>(apiRoute, 'check', file, archive)
    setBusy(false)
    if (result.ok) setCheck(result.body.lines)
    else setError(result.message)
  }

  async function startImport() {
    if (!file) return
    setBusy(true)
    setError(null)
    const result = await sendExport<{ id: string }>(apiRoute, 'import', file, archive)
    if (result.ok) {
      const first = await readImportRun(apiRoute, result.body.id)
      if (first.ok) setRun(first.body)
      else setError(first.message)
    } else setError(result.message)
    setBusy(false)
  }

  return (
    <div className="wxr-import__body">
      <p className="wxr-import__hint">
        In WordPress, <strong>Tools → Export → All content</strong> writes one XML file. Check it
        first: the check reads the whole file and counts what would be created, changing nothing.
        Importing the same file again changes nothing; a newer export updates what changed.
      </p>
      <form className="wxr-import__form" onSubmit={(event) => event.preventDefault()}>
        <div className="wxr-import__field">
          <label htmlFor="wxr-file">WordPress export (.xml)</label>
          <input
            id="wxr-file"
            type="file"
            accept=".xml,application/xml,text/xml"
            disabled={busy || working}
            onChange={(event) => choose(event.target.files?.[0] ?? null, archive)}
          />
        </div>
        <div className="wxr-import__checkbox">
          <input
            id="wxr-archive"
            type="checkbox"
            checked={archive}
            disabled={busy || working}
            onChange={(event) => choose(file, event.target.checked)}
          />
          <label htmlFor="wxr-archive">Archive every imported post</label>
        </div>
        <div className="wxr-import__buttons">
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={!file || busy || working}
            onClick={() => void checkFile()}
          >
            Check the file
          </Button>
          <Button
            buttonStyle="primary"
            size="small"
            margin={false}
            disabled={!file || !check || busy || working}
            onClick={() => void startImport()}
          >
            Import
          </Button>
        </div>
      </form>
      <div className="wxr-import__status" role="status" aria-live="polite">
        {busy && !run ? <p>Sending {file?.name}…</p> : null}
      </div>
      {error ? (
        <div className="wxr-import__error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {check && !run ? (
        <section className="wxr-import__result" aria-labelledby="wxr-check-title">
          <h2 id="wxr-check-title">Check of {file?.name}: nothing was written</h2>
          <pre className="wxr-import__lines">{check.join('\n')}</pre>
        </section>
      ) : null}
      {run ? <ImportProgress run={run} /> : null}
    </div>
  )
}

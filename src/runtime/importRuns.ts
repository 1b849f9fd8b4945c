import { randomUUID } from 'node:crypto'

import type { ImportSummary } from '@/import/wxr/importSummary'

export type ImportRunProgress = {
  posts: number
  comments: number
  totalPosts: number
  totalComments: number
}

/** One WordPress import started from the admin, as its progress poll answers it. */
export type ImportRun = {
  id: string
  /** The uploaded file's name, as the browser gave it. */
  file: string
  archive: boolean
  /** `checking`: the file is being received and read; `running`: posts are being written. */
  state: 'checking' | 'running' | 'finished' | 'failed'
  startedAt: string
  finishedAt: string | null
  progress: ImportRunProgress
  summary: ImportSummary | null
  /** The summary as lines (describeSummary), once finished. */
  lines: string[] | null
  error: string | null
}

export class ImportBusy extends Error {
  override name = 'ImportBusy'
}

/**
 * The import runs of this process: at most one at work, and the last few kept for their progress
 * and summary. In-process, like the rest of the runtime: a shared implementation could replace it
 * behind the same methods for several instances.
 */
export class ImportRuns {
  private readonly runs = new Map<string, ImportRun>()

  constructor(private readonly keep = 10) {}

  /** Takes the one slot for an import; ImportBusy while another one is at work. */
  begin(file: string, archive: boolean, now = new Date()): ImportRun {
    const busy = this.active()
    if (busy) {
      throw new ImportBusy(
        `An import of ${busy.file} is already under way (started ${busy.startedAt}): wait for it to finish.`,
      )
    }
    const run: ImportRun = {
      id: randomUUID(),
      file,
      archive,
      state: 'checking',
      startedAt: now.toISOString(),
      finishedAt: null,
      progress: { posts: 0, comments: 0, totalPosts: 0, totalComments: 0 },
      summary: null,
      lines: null,
      error: null,
    }
    this.runs.set(run.id, run)
    for (const id of this.runs.keys()) {
      if (this.runs.size <= this.keep) break
      if (this.runs.get(id)!.state !== 'checking' && this.runs.get(id)!.state !== 'running') {
        this.runs.delete(id)
      }
    }
    return run
  }

  get(id: string): ImportRun | null {
    const run = this.runs.get(id)
    return run ? structuredClone(run) : null
  }

  /** The run at work, if any: the admin page picks up its progress after a reload. */
  active(): ImportRun | null {
    const run = [...this.runs.values()].find(
      (one) => one.state === 'checking' || one.state === 'running',
    )
    return run ? structuredClone(run) : null
  }

  /** The file was read and counted: the import itself starts. */
  started(id: string, totals: Pick<ImportRunProgress, 'totalPosts' | 'totalComments'>): void {
    this.update(id, (run) => {
      run.state = 'running'
      run.progress = { ...run.progress, ...totals }
    })
  }

  progress(id: string, progress: ImportRunProgress): void {
    this.update(id, (run) => {
      run.progress = { ...progress }
    })
  }

  finish(id: string, summary: ImportSummary, lines: string[], now = new Date()): void {
    this.update(id, (run) => {
      run.state = 'finished'
      run.summary = summary
      run.lines = lines
      run.finishedAt = now.toISOString()
    })
  }

  fail(id: string, message: string, now = new Date()): void {
    this.update(id, (run) => {
      run.state = 'failed'
      run.error = message
      run.finishedAt = now.toISOString()
    })
  }

  /** A run refused before it started (a file that cannot be read): it leaves no trace. */
  discard(id: string): void {
    this.runs.delete(id)
  }

  private update(id: string, change: (run: ImportRun) => void) {
    const run = this.runs.get(id)
    if (run) change(run)
  }
}

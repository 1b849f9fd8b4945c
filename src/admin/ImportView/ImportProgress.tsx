'use client'
import type { ImportRun } from '@/runtime/importRuns'

/** A run's progress bar while it works, then its summary or what stopped it. */
export function ImportProgress({ run }: { run: ImportRun }) {
  const { posts, comments, totalPosts, totalComments } = run.progress
  const counted = `posts ${posts} of ${totalPosts}, comments ${comments} of ${totalComments}`
  if (run.state === 'failed') {
    return (
      <section className="wxr-import__result" aria-labelledby="wxr-run-title">
        <h2 id="wxr-run-title">The import of {run.file} stopped</h2>
        <div className="wxr-import__error" role="alert">
          <p>{run.error}</p>
          <p>It had done {counted}. Importing the file again takes up where it stopped.</p>
        </div>
      </section>
    )
  }
  if (run.state === 'finished') {
    return (
      <section className="wxr-import__result" aria-labelledby="wxr-run-title">
        <h2 id="wxr-run-title">Imported {run.file}</h2>
        <pre className="wxr-import__lines">{(run.lines ?? []).join('\n')}</pre>
      </section>
    )
  }
  return (
    <section className="wxr-import__result" aria-labelledby="wxr-run-title">
      <h2 id="wxr-run-title">Importing {run.file}…</h2>
      <label htmlFor="wxr-progress" className="wxr-import__progress-label">
        {run.state === 'checking' ? 'Reading the file' : counted}
      </label>
      <progress
        id="wxr-progress"
        className="wxr-import__progress"
        value={posts + comments}
        max={Math.max(1, totalPosts + totalComments)}
      />
    </section>
  )
}

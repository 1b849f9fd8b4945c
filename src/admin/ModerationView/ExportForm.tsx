import { Button } from '@payloadcms/ui'

import { COMMENT_STATUSES } from '@/comments/rules/statuses'

import { STATUS_LABELS } from './queueActions'

type Props = { apiRoute: string; posts: { id: number | string; title: string }[] }

/**
 * Records export for admins: a plain GET form, so the browser downloads the file the endpoint
 * sends (and shows the endpoint's error if a filter is refused).
 */
export function ExportForm({ apiRoute, posts }: Props) {
  return (
    <details className="moderation__export">
      <summary>Export comments</summary>
      <form method="get" action={`${apiRoute}/comments/export`} className="moderation__export-form">
        <div className="moderation__export-field">
          <label htmlFor="export-format">Format</label>
          <select id="export-format" name="format" defaultValue="csv">
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </div>
        <div className="moderation__export-field">
          <label htmlFor="export-post">Post</label>
          <select id="export-post" name="post" defaultValue="">
            <option value="">All posts</option>
            {posts.map((post) => (
              <option key={post.id} value={String(post.id)}>
                {post.title}
              </option>
            ))}
          </select>
        </div>
        <div className="moderation__export-field">
          <label htmlFor="export-status">Status</label>
          <select id="export-status" name="status" defaultValue="">
            <option value="">Any status</option>
            {COMMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="moderation__export-field">
          <label htmlFor="export-from">From</label>
          <input id="export-from" type="date" name="from" />
        </div>
        <div className="moderation__export-field">
          <label htmlFor="export-to">To</label>
          <input id="export-to" type="date" name="to" />
        </div>
        <Button type="submit" buttonStyle="secondary" size="small" margin={false}>
          Download export
        </Button>
      </form>
      <p className="moderation__hint">
        Includes email addresses, IP addresses and each comment&apos;s moderation history. Every
        export is recorded in the audit trail.
      </p>
    </details>
  )
}

type Props = { postId: number | string; status: 'draft' | 'published'; liveAddress: string | null }

/** What a preview shows, said at the top of the page: staff must never mistake it for the site. */
export function PreviewBanner({ postId, status, liveAddress }: Props) {
  const what =
    status === 'published'
      ? 'This is the published version: there are no unpublished changes.'
      : liveAddress
        ? 'These are unpublished changes to a published post. Readers still see the published version.'
        : 'This is a draft. Readers cannot see it until it is published.'
  return (
    <section
      className="usa-alert usa-alert--warning preview-banner"
      aria-labelledby="preview-banner-heading"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="preview-banner-heading">
          Preview
        </h2>
        <p className="usa-alert__text">{what}</p>
        <p className="usa-alert__text">
          <a className="usa-link" href={`/admin/collections/posts/${postId}`}>
            Back to the editor
          </a>
          {liveAddress ? (
            <>
              {' · '}
              <a className="usa-link" href={liveAddress}>
                The published page
              </a>
            </>
          ) : null}
        </p>
      </div>
    </section>
  )
}

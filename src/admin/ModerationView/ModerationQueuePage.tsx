import type { PayloadRequest } from 'payload'

import { mayExportComments } from '@/admin/staffAbilities'
import { countComments } from '@/comments/queries/countComments'
import { pageNumber } from '@/lib/pageNumber'

import { ExportForm } from './ExportForm'
import { BLATANT, commentIdParam, loadQueuePage } from './loadModerationQueue'
import { ModerationQueue } from './ModerationQueue'
import { QUEUE_TABS, type QueueTab } from './queueActions'
import { queueHref } from './queueLinks'
import { QueuePager } from './QueuePager'
import { QueueTabs } from './QueueTabs'

const EXPORT_POST_CHOICES = 200

type Props = {
  req: PayloadRequest
  searchParams: { [key: string]: string | string[] | undefined }
}

function tabOf(value: string | string[] | undefined): QueueTab {
  return QUEUE_TABS.find((tab) => tab.value === value)?.value ?? 'pending'
}

/** The data side of the queue: counts, one page of one tab, and the export form for admins. */
export async function ModerationQueuePage({ req, searchParams }: Props) {
  const { payload, user } = req
  const { admin: adminRoute, api: apiRoute } = payload.config.routes
  const tab = tabOf(searchParams.status)
  const page = pageNumber(searchParams.page) ?? 1
  const blatant = tab === 'spam' && searchParams.blatant === '1'
  const [counts, queue, blatantCount] = await Promise.all([
    countComments(payload, user),
    loadQueuePage(
      { payload, user },
      tab,
      page,
      blatant,
      commentIdParam(payload, searchParams.comment),
    ),
    tab === 'spam'
      ? payload
          .count({
            collection: 'comments',
            where: { and: [{ status: { equals: 'spam' } }, BLATANT] },
            overrideAccess: false,
            user,
          })
          .then((result) => result.totalDocs)
      : Promise.resolve(0),
  ])
  const posts = mayExportComments(user)
    ? await payload.find({
        collection: 'posts',
        // The export form's choice of post: the most recent ones (an export of any post can
        // still be asked for by id in the address).
        sort: '-publishedAt',
        limit: EXPORT_POST_CHOICES,
        pagination: false,
        depth: 0,
        select: { title: true },
        overrideAccess: false,
        user,
      })
    : null
  return (
    <>
      <QueueTabs adminRoute={adminRoute} counts={counts} current={tab} />
      {blatantCount > 0 ? (
        <p className="moderation__blatant">
          {blatant
            ? `Showing the ${blatantCount} blatant spam comments Akismet said to discard. `
            : `${blatantCount} blatant spam comments (Akismet said to discard them) are not listed; they are kept until the retention purge. `}
          <a href={`${queueHref(adminRoute, 'spam')}${blatant ? '' : '&blatant=1'}`}>
            {blatant ? 'Show the other spam' : 'Show them'}
          </a>
        </p>
      ) : null}
      <ModerationQueue
        key={`${tab}-${page}-${blatant}`}
        adminRoute={adminRoute}
        apiRoute={apiRoute}
        comments={queue.comments}
        tab={tab}
        emptyPageHref={page > queue.totalPages ? queueHref(adminRoute, tab) : null}
      />
      <QueuePager adminRoute={adminRoute} tab={tab} page={page} totalPages={queue.totalPages} />
      {posts ? (
        <ExportForm
          apiRoute={apiRoute}
          posts={posts.docs
            .map(({ id, title }) => ({ id, title }))
            .sort((a, b) => a.title.localeCompare(b.title))}
        />
      ) : null}
    </>
  )
}

import type { PayloadRequest } from 'payload'

import { mayExportComments } from '@/admin/staffAbilities'
import { countComments } from '@/comments/queries/countComments'
import { parseQueueFilter, type QueueFilter } from '@/comments/queue/queueFilter'
import { BLATANT } from '@/comments/queue/queueWhere'
import { wordList } from '@/comments/rules/moderationRules'
import { pageNumber } from '@/lib/pageNumber'

import { ExportForm } from './ExportForm'
import { commentIdParam, loadQueuePage } from './loadModerationQueue'
import { ModerationQueue } from './ModerationQueue'
import { queueHref } from './queueLinks'
import { QueueFilters } from './QueueFilters'
import { QueuePager } from './QueuePager'
import { QueueTabs } from './QueueTabs'

/** The posts offered in the filter and export forms: the most recent ones. */
const POST_CHOICES = 200
/** Listed words marked in the text: the settings' first ones (the lists are short in practice). */
const MARKED_WORDS = 50

type Props = {
  req: PayloadRequest
  searchParams: { [key: string]: string | string[] | undefined }
}

async function postChoices({ payload, user }: PayloadRequest, filter: QueueFilter) {
  const { docs } = await payload.find({
    collection: 'posts',
    // Any post can still be filtered on by id in the address, or from a comment's post link.
    sort: '-publishedAt',
    limit: POST_CHOICES,
    pagination: false,
    depth: 0,
    select: { title: true },
    overrideAccess: false,
    user,
  })
  const posts = docs.map(({ id, title }) => ({ id, title }))
  if (filter.post && !posts.some((post) => String(post.id) === filter.post)) {
    const chosen = await payload
      .findByID({
        collection: 'posts',
        id: filter.post,
        depth: 0,
        select: { title: true },
        overrideAccess: false,
        user,
        disableErrors: true,
      })
      .catch(() => null)
    if (chosen) posts.push({ id: chosen.id, title: chosen.title })
  }
  return posts.sort((a, b) => a.title.localeCompare(b.title))
}

async function listedWords({ payload }: PayloadRequest): Promise<string[]> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  return [...wordList(settings.moderationWords), ...wordList(settings.disallowedWords)].slice(
    0,
    MARKED_WORDS,
  )
}

/**
 * The data side of the queue, read from the address: counts per status (one grouped query),
 * one page of the filter, the posts to filter on, and the export form for admins. A bad
 * parameter is named and its default used.
 */
export async function ModerationQueuePage({ req, searchParams }: Props) {
  const { payload, user } = req
  const { admin: adminRoute, api: apiRoute } = payload.config.routes
  const { filter: parsed, errors } = parseQueueFilter(searchParams)
  const filter = { ...parsed, before: null }
  const page = pageNumber(searchParams.page) ?? 1
  const [counts, queue, blatantCount, posts, words] = await Promise.all([
    countComments(payload, user),
    loadQueuePage({ payload, user }, filter, page, commentIdParam(payload, searchParams.comment)),
    filter.status === 'spam'
      ? payload
          .count({
            collection: 'comments',
            where: { and: [{ status: { equals: 'spam' } }, BLATANT] },
            overrideAccess: false,
            user,
          })
          .then((result) => result.totalDocs)
      : Promise.resolve(0),
    postChoices(req, filter),
    listedWords(req),
  ])
  const { blatant } = filter
  return (
    <>
      <QueueTabs adminRoute={adminRoute} counts={counts} filter={filter} />
      {errors.length ? (
        <div role="alert" className="moderation__errors">
          <ul>
            {errors.map((error) => (
              <li key={error.path}>{`Ignored: ${error.message}.`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <QueueFilters adminRoute={adminRoute} filter={filter} posts={posts} />
      {blatantCount > 0 ? (
        <p className="moderation__blatant">
          {blatant
            ? `Showing the ${blatantCount} blatant spam comments Akismet said to discard. `
            : `${blatantCount} blatant spam comments (Akismet said to discard them) are not listed; they are kept until the retention purge. `}
          <a href={queueHref(adminRoute, { ...filter, blatant: !blatant })}>
            {blatant ? 'Show the other spam' : 'Show them'}
          </a>
        </p>
      ) : null}
      <ModerationQueue
        key={queueHref(adminRoute, filter, page)}
        adminRoute={adminRoute}
        apiRoute={apiRoute}
        comments={queue.comments}
        filter={filter}
        totalDocs={queue.totalDocs}
        words={words}
        emptyPageHref={page > queue.totalPages ? queueHref(adminRoute, filter) : null}
      />
      <QueuePager
        adminRoute={adminRoute}
        filter={filter}
        page={page}
        totalPages={queue.totalPages}
      />
      {mayExportComments(user) ? <ExportForm apiRoute={apiRoute} posts={posts} /> : null}
    </>
  )
}

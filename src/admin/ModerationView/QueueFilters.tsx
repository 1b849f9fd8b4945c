import { Button } from '@payloadcms/ui'

import { QUEUE_PAGE_SIZES, QUEUE_SEARCH_MAX, type QueueFilter } from '@/comments/queue/queueFilter'

type Props = {
  adminRoute: string
  filter: QueueFilter
  posts: { id: number | string; title: string }[]
}

/**
 * Search, post, sort and page size: a plain GET form, so a filtered queue is an address that
 * survives a reload and can be sent to a colleague. The search looks in the text, name, email,
 * website and IP address.
 */
export function QueueFilters({ adminRoute, filter, posts }: Props) {
  return (
    <form
      method="get"
      action={`${adminRoute}/moderation`}
      role="search"
      aria-label="Filter comments"
      className="moderation__filters"
    >
      <input type="hidden" name="status" value={filter.status} />
      <div className="moderation__field moderation__field--search">
        <label htmlFor="moderation-q">Search comments</label>
        <input
          id="moderation-q"
          type="search"
          name="q"
          defaultValue={filter.q}
          maxLength={QUEUE_SEARCH_MAX}
          aria-describedby="moderation-q-hint"
        />
        <span id="moderation-q-hint" className="moderation__hint">
          Text, name, email, website or IP address
        </span>
      </div>
      <div className="moderation__field">
        <label htmlFor="moderation-post">Post</label>
        <select id="moderation-post" name="post" defaultValue={filter.post ?? ''}>
          <option value="">All posts</option>
          {posts.map((post) => (
            <option key={post.id} value={String(post.id)}>
              {post.title}
            </option>
          ))}
        </select>
      </div>
      <div className="moderation__field">
        <label htmlFor="moderation-sort">Order</label>
        <select id="moderation-sort" name="sort" defaultValue={filter.sort}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
      <div className="moderation__field">
        <label htmlFor="moderation-size">Per page</label>
        <select id="moderation-size" name="size" defaultValue={String(filter.pageSize)}>
          {QUEUE_PAGE_SIZES.map((size) => (
            <option key={size} value={String(size)}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="moderation__filter-buttons">
        <Button type="submit" buttonStyle="secondary" size="small" margin={false}>
          Filter
        </Button>
        {filter.q || filter.post ? (
          <a href={`${adminRoute}/moderation?status=${filter.status}`}>Clear filter</a>
        ) : null}
      </div>
    </form>
  )
}

import type { Author } from '@/payload-types'

/** "Ana Ruiz, Deputy Administrator · Bo Chen": each name links to the author's page. */
export function Byline({ authors }: { authors: (Author | number | string)[] | null | undefined }) {
  const people = (authors ?? []).filter((a): a is Author => typeof a === 'object')
  if (people.length === 0) return null
  return (
    <span className="byline">
      {people.map((author, index) => (
        <span key={author.id}>
          {index > 0 ? ' · ' : null}
          <a href={`/authors/${author.slug}`}>{author.name}</a>
          {author.title ? `, ${author.title}` : null}
        </span>
      ))}
    </span>
  )
}

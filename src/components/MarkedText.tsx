import { Fragment } from 'react'

import { markedSegments } from '@/search/searchMarks'

/**
 * Text the search index marked: each match in a <mark>, the rest as text. React escapes every
 * run, so a post's text (or the query) can never become markup.
 */
export function MarkedText({ text }: { text: string }) {
  return (
    <>
      {markedSegments(text).map((segment, index) =>
        segment.match ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  )
}

import { highlightSegments } from './highlightSegments'

type Props = { text: string; words: string[] }

/** Text with its links and listed words marked; the row's badge says the same in words. */
export function HighlightedText({ text, words }: Props) {
  return (
    <>
      {highlightSegments(text, words).map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <mark key={index} className={`moderation__mark moderation__mark--${segment.kind}`}>
            {segment.text}
          </mark>
        ),
      )}
    </>
  )
}

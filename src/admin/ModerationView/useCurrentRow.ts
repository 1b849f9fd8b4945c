'use client'
import { useEffect, useRef, useState, type RefObject } from 'react'

type Id = number | string

/**
 * The highlighted comment the keyboard shortcuts act on: moved with j/k, set by focus, and,
 * after an action takes a comment out of the list, the one now in its place once the refreshed
 * page arrives (focus falls back to the heading when the list is empty).
 */
export function useCurrentRow(comments: { id: Id }[], heading: RefObject<HTMLElement | null>) {
  const [current, setCurrent] = useState(0)
  const refocus = useRef(false)
  const at = Math.min(current, Math.max(0, comments.length - 1))

  function focusRow(index: number) {
    const comment = comments[Math.max(0, Math.min(index, comments.length - 1))]
    if (comment) document.getElementById(`moderation-comment-${comment.id}`)?.focus()
    else heading.current?.focus()
  }

  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    focusRow(at)
    // Only when a new page of comments arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [comments])

  return {
    at,
    setCurrent,
    move(by: number) {
      const next = Math.max(0, Math.min(at + by, comments.length - 1))
      setCurrent(next)
      focusRow(next)
    },
    refocusAfterRefresh() {
      refocus.current = true
    },
  }
}

'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { postJson } from '@/admin/readApiResult'
import type { ModerationAction } from '@/comments/rules/moderationActions'
import type { CommentStatus } from '@/comments/rules/statuses'

import { actionDoneMessage, ACTION_LABELS, commentCount, undoActionFor } from './queueActions'

type Id = number | string
type ModerateBody = {
  results?: { id: Id; status: string }[]
  errors?: { id: Id; message: string }[]
  remaining?: number
}
/** The last action on listed comments, with each one's status before it: what undo puts back. */
type LastAction = { action: ModerationAction; items: { id: Id; from: CommentStatus }[] }
export type MatchingRequest = { filter: Record<string, unknown>; before: string }

/**
 * Calls the moderation endpoints for the queue, then refreshes the server-rendered list and
 * counts. `announcement` is for the live region; `errors` are shown (and announced) as alerts.
 * The last action on listed comments can be undone (through the same endpoint, so on record).
 */
export function useQueueActions(apiRoute: string) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [errors, setErrors] = useState<string[]>([])
  const [last, setLast] = useState<LastAction | null>(null)

  function start() {
    setBusy(true)
    setAnnouncement('')
    setErrors([])
  }

  async function post(body: Record<string, unknown>): Promise<ModerateBody | null> {
    const result = await postJson<ModerateBody>(`${apiRoute}/comments/moderate`, body)
    const answer = (result.body ?? {}) as ModerateBody
    if (!result.ok && !Array.isArray(answer.results)) {
      setErrors([result.message])
      return null
    }
    return answer
  }

  function report(failed: ModerateBody['errors']) {
    setErrors((failed ?? []).map((error) => `Comment #${error.id}: ${error.message}`))
  }

  async function moderate(
    items: { id: Id; status: CommentStatus }[],
    action: ModerationAction,
    reason: string,
  ): Promise<Id[]> {
    start()
    const trimmed = reason.trim()
    const answer = await post({
      ids: items.map((item) => item.id),
      action,
      ...(trimmed ? { reason: trimmed } : {}),
    })
    setBusy(false)
    if (!answer) return []
    const done = answer.results ?? []
    const doneIds = new Set(done.map((item) => item.id))
    if (done.length) {
      setAnnouncement(actionDoneMessage(action, done.length))
      setLast({
        action,
        items: items
          .filter((item) => doneIds.has(item.id))
          .map(({ id, status }) => ({ id, from: status })),
      })
    }
    report(answer.errors)
    router.refresh()
    return [...doneIds]
  }

  /** Puts the comments of the last action back, grouped by the action that does it. */
  async function undo(): Promise<void> {
    if (!last || busy) return
    start()
    const groups = new Map<ModerationAction, Id[]>()
    for (const item of last.items) {
      const inverse = undoActionFor(last.action, item.from)
      if (inverse) groups.set(inverse, [...(groups.get(inverse) ?? []), item.id])
    }
    let undone = 0
    const failed: NonNullable<ModerateBody['errors']> = []
    for (const [action, ids] of groups) {
      const reason = `Undo of "${ACTION_LABELS[last.action]}"`
      const answer = await post({ ids, action, reason })
      undone += answer?.results?.length ?? 0
      failed.push(...(answer?.errors ?? []))
    }
    setBusy(false)
    setLast(null)
    if (undone) {
      setAnnouncement(`Undone: ${commentCount(undone)} back to their earlier status.`)
    }
    report(failed)
    router.refresh()
  }

  /**
   * The action on every comment of a filter, counted at `before`: the server works in bounded
   * batches and says how many remain; ask again while it makes progress.
   */
  async function moderateMatching(
    { filter, before }: MatchingRequest,
    action: ModerationAction,
    reason: string,
  ): Promise<void> {
    start()
    setLast(null)
    const trimmed = reason.trim()
    let done = 0
    const failed: NonNullable<ModerateBody['errors']> = []
    for (;;) {
      const answer = await post({
        matching: { ...filter, before },
        action,
        ...(trimmed ? { reason: trimmed } : {}),
      })
      if (!answer) break
      const changed = answer.results?.length ?? 0
      done += changed
      failed.push(...(answer.errors ?? []))
      if (!answer.remaining || changed === 0) break
      setAnnouncement(`${actionDoneMessage(action, done)} ${answer.remaining} to go…`)
    }
    setBusy(false)
    setAnnouncement(done ? actionDoneMessage(action, done) : '')
    report(failed.slice(0, 20))
    router.refresh()
  }

  async function reply(parent: { id: Id; status: string }, text: string): Promise<boolean> {
    start()
    const result = await postJson<{ id: Id; status: string }>(
      `${apiRoute}/comments/${encodeURIComponent(String(parent.id))}/reply`,
      { body: text },
    )
    setBusy(false)
    if (!result.ok) {
      setErrors([result.message])
      return false
    }
    setLast(null)
    setAnnouncement(
      parent.status === 'pending'
        ? 'Reply posted; the comment it answers was approved first.'
        : 'Reply posted.',
    )
    router.refresh()
    return true
  }

  return {
    busy,
    announcement,
    errors,
    canUndo: Boolean(last),
    moderate,
    moderateMatching,
    undo,
    reply,
  }
}

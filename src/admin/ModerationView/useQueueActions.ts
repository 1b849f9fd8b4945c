'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { postJson } from '@/admin/readApiResult'
import type { ModerationAction } from '@/comments/rules/moderationActions'

import { actionDoneMessage } from './queueActions'

type Id = number | string
type ModerateBody = {
  results?: { id: Id; status: string }[]
  errors?: { id: Id; message: string }[]
}

/**
 * Calls the moderation endpoints for the queue, then refreshes the server-rendered list and
 * counts. `announcement` is for the live region; `errors` are shown (and announced) as alerts.
 */
export function useQueueActions(apiRoute: string) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [errors, setErrors] = useState<string[]>([])

  function start() {
    setBusy(true)
    setAnnouncement('')
    setErrors([])
  }

  async function moderate(ids: Id[], action: ModerationAction, reason: string): Promise<Id[]> {
    start()
    const trimmed = reason.trim()
    const result = await postJson<ModerateBody>(`${apiRoute}/comments/moderate`, {
      ids,
      action,
      ...(trimmed ? { reason: trimmed } : {}),
    })
    setBusy(false)
    const body = (result.body ?? {}) as ModerateBody
    if (!result.ok && !Array.isArray(body.results)) {
      setErrors([result.message])
      return []
    }
    const done = body.results ?? []
    const failed = body.errors ?? []
    if (done.length) setAnnouncement(actionDoneMessage(action, done.length))
    setErrors(failed.map((error) => `Comment #${error.id}: ${error.message}`))
    router.refresh()
    return done.map((item) => item.id)
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
    setAnnouncement(
      parent.status === 'pending'
        ? 'Reply posted; the comment it answers was approved first.'
        : 'Reply posted.',
    )
    router.refresh()
    return true
  }

  return { busy, announcement, errors, moderate, reply }
}

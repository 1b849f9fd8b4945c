'use client'
import { useForm, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'

import type { ThreadResult } from '@/admin/threadRequests'

/**
 * After the thread endpoint changed the post, bring the edit form up to date, so saving the form
 * later does not put the old value back. An untouched form is simply reloaded from the server; a
 * form with unsaved edits keeps them and gets the four discussion fields patched in place.
 */
export function useSyncThreadFields() {
  const router = useRouter()
  const modified = useFormModified()
  const { dispatchFields } = useForm()
  return (changed: ThreadResult) => {
    if (!modified) {
      router.refresh()
      return
    }
    const closedBy =
      changed.commentsClosedBy && typeof changed.commentsClosedBy === 'object'
        ? changed.commentsClosedBy.id
        : changed.commentsClosedBy
    const values: Record<string, unknown> = {
      commentStatus: changed.commentStatus,
      commentsClosedAt: changed.commentsClosedAt,
      commentsClosedBy: closedBy,
      commentsClosedReason: changed.commentsClosedReason,
    }
    for (const [path, value] of Object.entries(values)) {
      dispatchFields({ type: 'UPDATE', path, value, initialValue: value })
    }
  }
}

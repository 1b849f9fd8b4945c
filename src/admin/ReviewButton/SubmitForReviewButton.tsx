'use client'
import {
  Button,
  toast,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { postJson } from '@/admin/readApiResult'

/**
 * An author's "Submit for review": saves unsaved changes as a draft first, then asks
 * POST /api/posts/:id/submit-for-review, which tells the editors. Shows "Waiting for review" once
 * submitted (until an editor publishes the post).
 */
export function SubmitForReviewButton() {
  const {
    config: { routes },
  } = useConfig()
  const { id } = useDocumentInfo()
  const { submit } = useForm()
  const modified = useFormModified()
  const reviewStatus = useFormFields(([fields]) => fields.reviewStatus?.value)
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const waiting = submitted || (reviewStatus === 'submitted' && !modified)

  async function submitForReview() {
    if (!id) {
      toast.info('Save the draft first, then submit it for review.')
      return
    }
    setBusy(true)
    try {
      if (modified) {
        const saved = await submit({
          action: `${routes.api}/posts/${encodeURIComponent(String(id))}?depth=0&draft=true`,
          method: 'PATCH',
          overrides: { _status: 'draft' },
          skipValidation: true,
        })
        if (!saved || !saved.res.ok) return
      }
      const result = await postJson(
        `${routes.api}/posts/${encodeURIComponent(String(id))}/submit-for-review`,
        {},
      )
      if (!result.ok) {
        toast.error(result.message)
        return
      }
      setSubmitted(true)
      toast.success('Submitted for review. The editors have been told.')
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button
      id="action-submit-for-review"
      buttonStyle="primary"
      size="medium"
      margin={false}
      disabled={busy || waiting}
      onClick={() => void submitForReview()}
    >
      {waiting ? 'Waiting for review' : 'Submit for review'}
    </Button>
  )
}

'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useId, useState, type FormEvent } from 'react'

import { postJson } from '@/admin/readApiResult'

import './blockCommenter.css'

type Kind = 'email' | 'ip' | 'range'

const KINDS: { value: Kind; label: string }[] = [
  { value: 'email', label: 'Email address' },
  { value: 'ip', label: 'IP address' },
  { value: 'range', label: 'Address range around the IP (/24, or /64 for IPv6)' },
]

type Props = { commentId: number | string; who: string }

/**
 * "Block commenter" on a comment in the queue: a small form (what to block, a reason, an optional
 * end date) posting to /api/commenter-blocks/from-comment. Self-contained, so the queue's layout
 * does not depend on it; the comment itself keeps its status (approve, spam or trash it as usual).
 */
export function BlockCommenter({ commentId, who }: Props) {
  const { config } = useConfig()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<Kind>('email')
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const result = await postJson<{ doc: { value: string } }>(
      `${config.routes.api}/commenter-blocks/from-comment`,
      { comment: commentId, kind, reason, until: until || null },
    )
    setBusy(false)
    if (result.ok) {
      setMessage({ ok: true, text: `Blocked ${result.body.doc.value}.` })
      setOpen(false)
      setReason('')
      setUntil('')
    } else {
      setMessage({ ok: false, text: result.message })
    }
  }

  return (
    <div className="block-commenter">
      <Button
        buttonStyle="subtle"
        size="small"
        margin={false}
        extraButtonProps={{ 'aria-expanded': open, 'aria-controls': `${id}-form` }}
        onClick={() => setOpen(!open)}
      >
        Block commenter
      </Button>
      <p className="block-commenter__message" role="status">
        {message?.text ?? ''}
      </p>
      {open ? (
        <form id={`${id}-form`} className="block-commenter__form" onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>Block the author of {who} by</legend>
            {KINDS.map((option) => (
              <label key={option.value} className="block-commenter__choice">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={option.value}
                  checked={kind === option.value}
                  onChange={() => setKind(option.value)}
                />{' '}
                {option.label}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-reason`}>
            Reason (required; stored with each trashed comment)
          </label>
          <input
            id={`${id}-reason`}
            type="text"
            required
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <label htmlFor={`${id}-until`}>Until (optional; empty blocks until lifted)</label>
          <input
            id={`${id}-until`}
            type="date"
            value={until}
            onChange={(event) => setUntil(event.target.value)}
          />
          <Button type="submit" buttonStyle="secondary" size="small" margin={false} disabled={busy}>
            Block
          </Button>
        </form>
      ) : null}
    </div>
  )
}

'use client'
import { Button } from '@payloadcms/ui'
import { useState, type FormEvent } from 'react'

type Props = {
  id: string
  who: string
  busy: boolean
  approvesFirst: boolean
  onReply: (text: string) => Promise<boolean>
}

/** A staff reply, published at once under the signed-in account's name. */
export function ReplyForm({ id, who, busy, approvesFirst, onReply }: Props) {
  const [text, setText] = useState('')

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (await onReply(text)) setText('')
  }

  return (
    <form id={id} className="moderation__reply" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-text`}>Reply to {who}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={4}
        required
        onChange={(event) => setText(event.target.value)}
      />
      <p className="moderation__hint">
        Published at once under your name.
        {approvesFirst ? ' Replying approves the comment first.' : ''}
      </p>
      <Button type="submit" buttonStyle="primary" size="small" margin={false} disabled={busy}>
        Post reply
      </Button>
    </form>
  )
}

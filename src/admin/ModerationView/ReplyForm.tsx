'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useRef, useState, type FormEvent } from 'react'

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
  const field = useRef<HTMLTextAreaElement>(null)
  // Opened by its button or the "r" shortcut: either way the next thing to do is to type.
  useEffect(() => field.current?.focus(), [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (await onReply(text)) setText('')
  }

  return (
    <form id={id} className="moderation__reply" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-text`}>Reply to {who}</label>
      <textarea
        ref={field}
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

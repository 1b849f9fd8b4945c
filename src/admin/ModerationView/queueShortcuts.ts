'use client'
import { useEffect, useRef } from 'react'

/** The queue's keys, as WordPress's Comments screen has them; listed on screen from here. */
export const QUEUE_SHORTCUTS = [
  { key: 'j', label: 'Next comment' },
  { key: 'k', label: 'Previous comment' },
  { key: 'a', label: 'Approve' },
  { key: 's', label: 'Spam' },
  { key: 't', label: 'Trash' },
  { key: 'r', label: 'Reply' },
  { key: 'x', label: 'Select or unselect' },
  { key: 'z', label: 'Undo the last action' },
  { key: '?', label: 'Show or hide these shortcuts' },
] as const
export type ShortcutKey = (typeof QUEUE_SHORTCUTS)[number]['key']

const KEYS = new Set<string>(QUEUE_SHORTCUTS.map((shortcut) => shortcut.key))

/** Typing in a field, or a key with a modifier, is never a shortcut. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null
  if (!target) return false
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    Boolean(target.closest('[role="dialog"], [role="alertdialog"]'))
  )
}

/** Calls `onKey` for a shortcut pressed anywhere on the page, outside fields. */
export function useQueueShortcuts(onKey: (key: ShortcutKey) => void) {
  const handler = useRef(onKey)
  useEffect(() => {
    handler.current = onKey
  })
  useEffect(() => {
    function listen(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      if (!KEYS.has(event.key) || isTyping(event)) return
      event.preventDefault()
      handler.current(event.key as ShortcutKey)
    }
    document.addEventListener('keydown', listen)
    return () => document.removeEventListener('keydown', listen)
  }, [])
}

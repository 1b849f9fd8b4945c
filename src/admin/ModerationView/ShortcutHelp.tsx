import { QUEUE_SHORTCUTS } from './queueShortcuts'

type Props = { open: boolean; onToggle: () => void }

/** The keyboard shortcuts, listed on screen (a disclosure, opened with "?" too). */
export function ShortcutHelp({ open, onToggle }: Props) {
  return (
    <div className="moderation__shortcuts">
      <button
        type="button"
        className="moderation__link-button"
        aria-expanded={open}
        aria-controls="moderation-shortcuts"
        onClick={onToggle}
      >
        Keyboard shortcuts
      </button>
      <div id="moderation-shortcuts" hidden={!open}>
        <p className="moderation__hint">
          They act on the highlighted comment, and not while you type in a field.
        </p>
        <dl className="moderation__shortcut-list">
          {QUEUE_SHORTCUTS.map(({ key, label }) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{label}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  )
}

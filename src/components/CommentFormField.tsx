import { COMMENT_LIMITS } from '@/comments/rules/messages'
import type { CommentFormState, FormField } from '@/comments/rules/commentFormState'

export const COMMENT_FIELDS: {
  name: FormField
  label: string
  hint?: string
  type: 'text' | 'email' | 'url' | 'textarea'
  required: boolean
  autoComplete?: string
}[] = [
  { name: 'authorName', label: 'Name', type: 'text', required: true, autoComplete: 'name' },
  {
    name: 'authorEmail',
    label: 'Email',
    hint: 'Never published or shared.',
    type: 'email',
    required: true,
    autoComplete: 'email',
  },
  { name: 'authorUrl', label: 'Website', type: 'url', required: false, autoComplete: 'url' },
  {
    name: 'body',
    label: 'Comment',
    hint: 'Plain text; links are not made clickable.',
    type: 'textarea',
    required: true,
  },
]

/** One labelled field of the comment form, with its hint and, after a refusal, its error. */
export function CommentFormField({
  field,
  state,
}: {
  field: (typeof COMMENT_FIELDS)[number]
  state: CommentFormState
}) {
  const id = `comment-${field.name}`
  const error = state.fieldErrors[field.name]
  const described = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
    // The inputs are keyed on the attempt: a refused submission shows the text the reader sent.
    defaultValue: state.values[field.name] ?? '',
    autoComplete: field.autoComplete,
  }
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {field.label}
        {field.required ? (
          <>
            {' '}
            <abbr title="required" className="usa-hint usa-hint--required">
              *
            </abbr>
          </>
        ) : null}
      </label>
      {field.hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {field.hint}
        </div>
      ) : null}
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {field.type === 'textarea' ? (
        <textarea
          key={state.attempt}
          className={`usa-textarea${error ? ' usa-input--error' : ''}`}
          rows={8}
          {...common}
        />
      ) : (
        <input
          key={state.attempt}
          className={`usa-input${error ? ' usa-input--error' : ''}`}
          type={field.type}
          maxLength={
            field.name === 'authorUrl'
              ? COMMENT_LIMITS.url
              : field.name === 'authorEmail'
                ? COMMENT_LIMITS.email
                : COMMENT_LIMITS.name
          }
          {...common}
        />
      )}
    </div>
  )
}

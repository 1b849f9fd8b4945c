export const FORM_FIELDS = ['authorName', 'authorEmail', 'authorUrl', 'body'] as const
export type FormField = (typeof FORM_FIELDS)[number]

/** What the comment form shows after a submission: the outcome, or errors with the text kept. */
export type CommentFormState = {
  outcome: 'idle' | 'submitted' | 'refused'
  /** Counts submissions, so the fields re-render with the values of the latest one. */
  attempt: number
  status?: 'pending' | 'approved'
  commentId?: number | string
  /** A message about the whole submission (status, closed thread, duplicate, too fast). */
  message?: string
  fieldErrors: Partial<Record<FormField, string>>
  values: Partial<Record<FormField, string>>
}

export const INITIAL_FORM_STATE: CommentFormState = {
  outcome: 'idle',
  attempt: 0,
  fieldErrors: {},
  values: {},
}

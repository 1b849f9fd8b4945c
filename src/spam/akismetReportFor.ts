type Status = 'pending' | 'approved' | 'spam' | 'trash'

/**
 * Whether a moderator's status change should teach Akismet: moving to spam a comment Akismet
 * believes is ham sends submit-spam; approving, or taking out of spam, a comment it believes is
 * spam sends submit-ham. Akismet's belief is our last report, else its own verdict.
 */
export function akismetReportFor({
  from,
  to,
  verdict,
  reportedAs,
}: {
  from: Status
  to: Status
  verdict: 'unchecked' | 'ham' | 'spam' | 'error' | null | undefined
  reportedAs?: 'spam' | 'ham' | null
}): 'spam' | 'ham' | null {
  const belief = reportedAs ?? (verdict === 'spam' || verdict === 'ham' ? verdict : null)
  if (!belief || from === to) return null
  if (to === 'spam' && belief === 'ham') return 'spam'
  if (belief === 'spam' && (to === 'approved' || (from === 'spam' && to !== 'trash'))) return 'ham'
  return null
}

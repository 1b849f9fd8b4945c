import type { ServerProps } from 'payload'

import { mayModerate } from '@/admin/staffAbilities'
import { runtimeOf } from '@/runtime/runtime'

/**
 * What start-up learned about Akismet, for admins and moderators: a key Akismet refused or could
 * not verify is an error here and in the log, never a crash; Akismet off is a plain note.
 */
export function AkismetNotice({ payload, user }: Pick<ServerProps, 'payload' | 'user'>) {
  if (!mayModerate(user)) return null
  const status = runtimeOf(payload).akismetStatus
  if (status.state === 'ready' || status.state === 'unverified') return null
  const problem = status.state === 'invalid-key' || status.state === 'unreachable'
  return (
    <div
      className={`akismet-notice akismet-notice--${problem ? 'error' : 'info'}`}
      role={problem ? 'alert' : 'note'}
      style={{
        margin: '0 0 1.5rem',
        padding: '0.75rem 1rem',
        borderLeft: `0.35rem solid ${problem ? '#b50909' : '#00bde3'}`,
        background: 'var(--theme-elevation-50)',
      }}
    >
      <strong>{problem ? 'Spam checking needs attention: ' : 'Spam checking: '}</strong>
      {status.message}
    </div>
  )
}

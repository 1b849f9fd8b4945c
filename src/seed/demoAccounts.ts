import type { Role } from '@/access/roles'

/** One demo staff account per role; the password comes from DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; title?: string }[] = [
  { email: 'admin@example.gov', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@example.gov', name: 'Demo Editor', role: 'editor' },
  { email: 'author@example.gov', name: 'Demo Author', role: 'author' },
  {
    email: 'moderator@example.gov',
    name: 'Demo Moderator',
    role: 'moderator',
    // Signs the moderator's replies to readers ("Agency response").
    title: 'Public Affairs Office',
  },
]

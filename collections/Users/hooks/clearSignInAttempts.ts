import type { CollectionAfterLoginHook } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

/** A successful sign-in forgets the failed ones before it, from the same address. */
export const clearSignInAttempts: CollectionAfterLoginHook = ({ req, user }) => {
  const address = req.headers.get('x-real-ip') || 'unknown'
  const email = String((user as { email?: unknown }).email ?? '').toLowerCase()
  runtimeOf(req.payload).signIn.perAccount.clear(`${address} ${email}`)
  return user
}

import type { CollectionAfterLoginHook } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

/**
 * A successful sign-in forgets the failed ones before it for that account from the same address,
 * and does not count against the address (an office behind one address signs in many times).
 * In the sign-in's transaction: the counts change only if the sign-in is committed.
 */
export const clearSignInAttempts: CollectionAfterLoginHook = async ({ req, user }) => {
  // Server code's sign-ins (the Local API) were never counted (throttleSignIn).
  if (req.payloadAPI === 'local') return user
  const address = req.headers.get('x-real-ip') || 'unknown'
  const email = String((user as { email?: unknown }).email ?? '').toLowerCase()
  const { signIn } = runtimeOf(req.payload)
  await signIn.perAccount.clear(req, `${address} ${email}`)
  await signIn.perAddress.forgive(req, address)
  return user
}

import { PublishButton } from '@payloadcms/ui'
import type { PublishButtonServerProps } from 'payload'

import { hasRole } from '@/access/roles'
import type { User } from '@/payload-types'

import { SubmitForReviewButton } from './SubmitForReviewButton'

/**
 * The post's main button: Payload's Publish for editors and admins; for authors, who may not
 * publish (rejectPublishingByAuthors), "Submit for review" instead of a button that can only fail.
 */
export function PublishOrSubmitButton({ user }: PublishButtonServerProps) {
  if (hasRole(user as User | null, 'author')) return <SubmitForReviewButton />
  return <PublishButton />
}

import config from '@payload-config'
import { getPayload } from 'payload'
import { cache } from 'react'

/** The Payload instance for server components; start-up created it, so this is a cache hit. */
export const getPayloadClient = cache(() => getPayload({ config }))

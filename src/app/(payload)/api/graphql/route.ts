/* Payload's GraphQL API, as Payload generates it, behind our request limits (src/cms/graphqlRoute). */
import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { graphqlPost } from '@/cms/graphqlRoute'

export const POST = graphqlPost(config)
export const OPTIONS = REST_OPTIONS(config)

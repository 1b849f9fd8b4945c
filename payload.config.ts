/**
 * The Payload configuration Next's routes and the Payload CLI load, built from the environment.
 * Everything is wired in src/cms/payloadConfig.ts; start-up builds the same from the
 * configuration it has already read (src/start.ts).
 */
import { createPayloadConfig } from '@/cms/payloadConfig'
import { readConfig } from '@/config/appConfig'

export default createPayloadConfig(readConfig())

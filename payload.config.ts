/**
 * The Payload configuration Next's build and routes and the Payload CLI load, built from the
 * environment. Everything is wired in src/cms/payloadConfig.ts. Start-up builds its own from the
 * configuration it has already read and checked (src/start.ts); Next's routes reach that same
 * Payload instance, so this copy's settings never override start-up's.
 */
import { createPayloadConfig } from '@/cms/payloadConfig'
import { readConfigForImport } from '@/config/appConfig'

export default createPayloadConfig(readConfigForImport())

import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Payload runs outside Next too (src/start.ts migrates, seeds and answers /healthz). Keeping
  // payload and its database adapters external in every mode means both sides share one module
  // instance, so the Payload that Next's routes get from getPayload() is the one start-up made.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-postgres',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    // Loaded at run time by path (pino's transports run pino-pretty in a worker thread).
    'pino',
    'pino-pretty',
    // Its HTTP client (superagent -> formidable) requires plugins by a computed path, which
    // Turbopack (the dev server's bundler) cannot resolve; Node loads it as it is.
    'akismet-api',
    // The invalidation bus's Redis client (src/runtime/redisInvalidationBus.ts): only start-up's
    // Payload connects it, so Node loads it as it is rather than in a bundle (pg is external in
    // Next's own list).
    'redis',
    '@redis/client',
  ],
  images: {
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
  // Express (src/server/app.ts) owns security headers and compression decisions.
  poweredByHeader: false,
  // The front writes one log line per request (src/server/requestLog.ts); the dev server's own
  // would be a second.
  logging: { incomingRequests: false },
  // The build type-checks the app only; `npm test` type-checks everything, tests included.
  typescript: { tsconfigPath: './tsconfig.next.json' },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

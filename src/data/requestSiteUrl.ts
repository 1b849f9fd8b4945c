import { headers } from 'next/headers'

/** The public base URL for a page or metadata route: SERVER_URL, else the request's host. */
export async function requestSiteUrl(): Promise<string> {
  if (process.env.SERVER_URL) return process.env.SERVER_URL.replace(/\/+$/, '')
  const list = await headers()
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost:3000'
  const proto = list.get('x-forwarded-proto') ?? 'http'
  return `${proto}://${host}`
}

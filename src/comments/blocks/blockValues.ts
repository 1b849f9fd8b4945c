import { BlockList, isIP } from 'node:net'

/** What a commenter block matches: one email address, one IP address, or a CIDR address range. */
export const BLOCK_KINDS = ['email', 'ip', 'range'] as const
export type BlockKind = (typeof BLOCK_KINDS)[number]

export const BLOCK_KIND_LABELS: Record<BlockKind, string> = {
  email: 'Email address',
  ip: 'IP address',
  range: 'Address range (CIDR)',
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * One spelling per address, so an exact block matches: "::ffff:192.0.2.1" (an IPv4 client seen on
 * an IPv6 socket) is 192.0.2.1, and IPv6 is written as the URL parser writes it (2001:db8::1).
 */
export function normalizeIp(ip: string): string {
  const text = ip.trim().toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (mapped) return mapped[1]
  return isIP(text) === 6 ? new URL(`http://[${text}]/`).hostname.slice(1, -1) : text
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

export type ParsedRange = { network: string; prefix: number; family: 'ipv4' | 'ipv6' }

/** A CIDR range ("203.0.113.0/24", "2001:db8::/48"), or null when it is not one. */
export function parseRange(value: string): ParsedRange | null {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(value.trim())
  if (!match) return null
  const network = normalizeIp(match[1])
  const version = isIP(network)
  const prefix = Number(match[2])
  if (version === 0 || prefix > (version === 4 ? 32 : 128)) return null
  const family = version === 4 ? 'ipv4' : 'ipv6'
  try {
    // Node's own parser has the last word: what it refuses could never match.
    new BlockList().addSubnet(network, prefix, family)
  } catch {
    return null
  }
  return { network, prefix, family }
}

/**
 * The stored form of a block's value (lower-case email, plain IP, range as network/prefix), or a
 * message saying why the value cannot be blocked as that kind.
 */
export function normalizeBlockValue(
  kind: unknown,
  value: unknown,
): { value: string } | { error: string; path: 'kind' | 'value' } {
  if (!BLOCK_KINDS.includes(kind as BlockKind)) {
    return { path: 'kind', error: 'kind must be "email", "ip" or "range"' }
  }
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return { path: 'value', error: 'Give the email address, IP address or range to block' }
  if (kind === 'email') {
    return EMAIL.test(text) && text.length <= 254
      ? { value: normalizeEmail(text) }
      : { path: 'value', error: `"${text.slice(0, 100)}" is not an email address` }
  }
  if (kind === 'ip') {
    const ip = normalizeIp(text)
    return isIP(ip)
      ? { value: ip }
      : { path: 'value', error: `"${text.slice(0, 100)}" is not an IP address` }
  }
  const range = parseRange(text)
  return range
    ? { value: `${range.network}/${range.prefix}` }
    : {
        path: 'value',
        error: `"${text.slice(0, 100)}" is not an address range: write it as CIDR, such as 203.0.113.0/24`,
      }
}

/** The range a moderator blocks from one comment's address: its /24 (IPv4) or /64 (IPv6). */
export function rangeAround(ip: string): string | null {
  const address = normalizeIp(ip)
  const version = isIP(address)
  if (version === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`
  if (version !== 6) return null
  // Expand "::" so the first four groups are the /64's network.
  const [head, tail = ''] = address.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups
  const range = parseRange(`${groups.slice(0, 4).join(':')}::/64`)
  return range ? `${range.network}/64` : null
}

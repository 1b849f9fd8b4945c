'use client'
import { Link } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

import './moderationNavLink.css'

/** The link itself, styled like Payload's own nav links (and Moderation's); current on the view. */
export function ImportNavLinkClient({ href }: { href: string }) {
  const current = usePathname() === href
  return (
    <Link
      href={href}
      id="nav-import"
      className="nav__link moderation-nav-link"
      aria-current={current ? 'page' : undefined}
      prefetch={false}
    >
      {current ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">Import</span>
    </Link>
  )
}

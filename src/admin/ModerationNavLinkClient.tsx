'use client'
import { Link } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

import './moderationNavLink.css'

/** The link itself, styled like Payload's own nav links; marked current on the view. */
export function ModerationNavLinkClient({ href, pending }: { href: string; pending: number }) {
  const current = usePathname() === href
  const label = `${pending} ${pending === 1 ? 'comment' : 'comments'} pending`
  return (
    <Link
      href={href}
      id="nav-moderation"
      className="nav__link moderation-nav-link"
      aria-current={current ? 'page' : undefined}
      prefetch={false}
    >
      {current ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">Moderation</span>
      {pending > 0 ? (
        <>
          <span className="moderation-nav-link__badge" aria-hidden="true">
            {pending}
          </span>
          <span className="moderation-nav-link__hidden">{` (${label})`}</span>
        </>
      ) : null}
    </Link>
  )
}

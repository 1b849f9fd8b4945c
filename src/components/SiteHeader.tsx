'use client'

import { usePathname } from 'next/navigation'
import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
} from 'react'

import closeIcon from '@uswds/uswds/img/usa-icons/close.svg'

export type NavLink = { href: string; label: string }

const NAV_ID = 'site-nav'
/** USWDS's desktop breakpoint: from here the navigation sits in the header and no menu is needed. */
const DESKTOP = '(min-width: 64em)'

const noSubscription = () => () => {}
/** False in the server's HTML and during hydration, true once React runs in the browser. */
const useScriptRunning = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )

/**
 * The USWDS basic header: the site's name and its navigation, which on a phone folds behind a
 * "Menu" button into USWDS's side panel with a close button. USWDS opens it with its own script;
 * this does the same with React (the page loads no other script). Until the script runs (or
 * without it), "Menu" is a link to the panel, which CSS opens when it is the page's target.
 */
export function SiteHeader({
  siteName,
  agencyName,
  links,
  search,
}: {
  siteName: string
  agencyName: string
  links: NavLink[]
  /** The site search form, after the links (in the side panel on a phone). */
  search?: ReactNode
}) {
  const scripted = useScriptRunning()
  const [open, setOpen] = useState(false)
  const menuButton = useRef<HTMLButtonElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  const nav = useRef<HTMLElement>(null)
  const pathname = usePathname()

  useEffect(() => {
    document.body.classList.toggle('usa-js-mobile-nav--active', open)
    if (!open) return
    closeButton.current?.focus()
    // Widening the window to the desktop layout shows the navigation in the header: close the panel.
    const desktop = window.matchMedia(DESKTOP)
    const closeOnDesktop = () => desktop.matches && setOpen(false)
    desktop.addEventListener('change', closeOnDesktop)
    return () => desktop.removeEventListener('change', closeOnDesktop)
  }, [open])

  const close = () => {
    setOpen(false)
    menuButton.current?.focus()
  }
  // While the panel is open, Escape closes it and Tab stays inside it (as USWDS's script does).
  const onPanelKey = (event: KeyboardEvent) => {
    if (!open) return
    if (event.key === 'Escape') return close()
    if (event.key !== 'Tab' || !nav.current) return
    const focusable = nav.current.querySelectorAll<HTMLElement>('a[href], button, input')
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <>
      <div
        className={`usa-overlay${open ? ' is-visible' : ''}`}
        onClick={close}
        aria-hidden="true"
      />
      <header className="usa-header usa-header--basic site-header">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo site-logo">
              <em className="usa-logo__text">
                <a href="/">{siteName}</a>
              </em>
              <span className="site-logo__agency">{agencyName}</span>
            </div>
            {scripted ? (
              <button
                ref={menuButton}
                type="button"
                className="usa-menu-btn"
                aria-expanded={open}
                aria-controls={NAV_ID}
                onClick={() => setOpen(true)}
              >
                Menu
              </button>
            ) : (
              <a className="usa-menu-btn" href={`#${NAV_ID}`}>
                Menu
              </a>
            )}
          </div>
          <nav
            ref={nav}
            id={NAV_ID}
            aria-label="Primary"
            className={`usa-nav${open ? ' is-visible' : ''}`}
            onKeyDown={onPanelKey}
          >
            {scripted ? (
              <button ref={closeButton} type="button" className="usa-nav__close" onClick={close}>
                <img src={closeIcon.src} role="img" alt="Close" />
              </button>
            ) : (
              <a className="usa-nav__close" href="#">
                <img src={closeIcon.src} role="img" alt="Close" />
              </a>
            )}
            <ul className="usa-nav__primary usa-accordion">
              {links.map(({ href, label }) => {
                const current = href === pathname
                return (
                  <li key={href} className="usa-nav__primary-item">
                    <a
                      href={href}
                      className={`usa-nav-link${current ? ' usa-current' : ''}`}
                      aria-current={current ? 'page' : undefined}
                    >
                      <span>{label}</span>
                    </a>
                  </li>
                )
              })}
            </ul>
            {search ? (
              <section aria-label="Search" className="site-header__search">
                {search}
              </section>
            ) : null}
          </nav>
        </div>
      </header>
    </>
  )
}

'use client'
import { useNav, usePreferences } from '@payloadcms/ui'
import { PREFERENCE_KEYS } from 'payload/shared'
import { useEffect, useRef } from 'react'

/**
 * Payload closes its navigation on every screen up to 1440 px wide (its "large" breakpoint), so
 * on a usual laptop the menu, and the Moderation badge in it, started hidden. Wider than 1024 px
 * (Payload's tablet breakpoint, below which the menu covers the page) we open it once it has
 * hydrated, unless the staff member closed it; closing it then is remembered as Payload's own
 * preference, which Payload stores only above 1440 px.
 */
const WIDE = '(min-width: 1025px)'

type NavPreference = { open?: boolean }

export function OpenNavOnWideScreens() {
  const { hydrated, navOpen, setNavOpen } = useNav()
  const { getPreference, setPreference } = usePreferences()
  const settled = useRef(false)
  const lastOpen = useRef<boolean | null>(null)

  useEffect(() => {
    if (!hydrated || settled.current) return
    if (!window.matchMedia(WIDE).matches) {
      settled.current = true
      return
    }
    let live = true
    void getPreference<NavPreference>(PREFERENCE_KEYS.NAV).then((preference) => {
      if (!live) return
      settled.current = true
      if (preference?.open !== false) setNavOpen(true)
    })
    return () => {
      live = false
    }
  }, [hydrated, getPreference, setNavOpen])

  useEffect(() => {
    const before = lastOpen.current
    lastOpen.current = navOpen
    if (!settled.current || before === null || before === navOpen) return
    if (window.matchMedia(WIDE).matches) {
      void setPreference(PREFERENCE_KEYS.NAV, { open: navOpen }, true)
    }
  }, [navOpen, setPreference])

  return null
}

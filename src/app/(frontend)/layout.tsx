import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { AnalyticsScript } from '@/components/AnalyticsScript'
import { GovBanner } from '@/components/GovBanner'
import { SiteHeader, type NavLink } from '@/components/SiteHeader'
import { SearchForm } from '@/components/SearchForm'
import { siteUrl as readSiteUrl } from '@/data/siteUrl'
import { getSiteSettings } from '@/data/siteSettings'

import '@uswds/uswds/css/uswds.min.css'
import './styles.css'
import './print.css'

const NAV_LINKS: NavLink[] = [
  { href: '/', label: 'Latest' },
  { href: '/archive', label: 'Archive' },
  { href: '/feed.xml', label: 'RSS feed' },
]

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings()
  const description = `News and updates from ${settings.agencyName}.`
  return {
    // Absolute canonical and Open Graph URLs.
    metadataBase: new URL(await readSiteUrl()),
    title: { default: settings.siteName, template: `%s · ${settings.siteName}` },
    description,
    openGraph: {
      type: 'website',
      siteName: settings.siteName,
      title: settings.siteName,
      description,
      locale: 'en_US',
    },
  }
}

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const settings = await getSiteSettings()
  return (
    <html lang="en">
      <body>
        {/* Feed autodiscovery on every page. React places these in <head>; as metadata they were
            lost on every page that sets its own alternates (its canonical address). */}
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${settings.siteName} (RSS)`}
          href="/feed.xml"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${settings.siteName} (Atom)`}
          href="/feed.atom"
        />
        <a className="usa-skipnav" href="#main-content">
          Skip to main content
        </a>
        {settings.showGovBanner ? <GovBanner /> : null}
        <SiteHeader
          siteName={settings.siteName}
          agencyName={settings.agencyName}
          links={NAV_LINKS}
          search={<SearchForm id="site-search-query" small />}
        />
        <main id="main-content" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="usa-identifier">
          <section
            className="usa-identifier__section usa-identifier__section--masthead"
            aria-label="Agency identifier"
          >
            <div className="usa-identifier__container">
              <div className="usa-identifier__identity">
                <p className="usa-identifier__identity-domain">{settings.siteName}</p>
                <p className="usa-identifier__identity-disclaimer">
                  An official blog of the{' '}
                  <a href={settings.currentSiteUrl}>{settings.agencyName}</a>
                </p>
              </div>
            </div>
          </section>
          <nav
            className="usa-identifier__section usa-identifier__section--required-links"
            aria-label="Important links"
          >
            <div className="usa-identifier__container">
              <ul className="usa-identifier__required-links-list">
                <li className="usa-identifier__required-links-item">
                  <a href={settings.currentSiteUrl} className="usa-identifier__required-link">
                    {settings.agencyName} website
                  </a>
                </li>
                <li className="usa-identifier__required-links-item">
                  <a href="/archive" className="usa-identifier__required-link">
                    Archived posts
                  </a>
                </li>
                <li className="usa-identifier__required-links-item">
                  <a href="/feed.xml" className="usa-identifier__required-link">
                    RSS feed
                  </a>
                </li>
              </ul>
            </div>
          </nav>
        </footer>
        <AnalyticsScript settings={settings} />
      </body>
    </html>
  )
}

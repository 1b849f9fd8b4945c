import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { getSiteSettings } from '@/data/siteSettings'

import './styles.css'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings()
  return {
    title: { default: settings.siteName, template: `%s · ${settings.siteName}` },
    description: `News and updates from ${settings.agencyName}.`,
    alternates: {
      types: { 'application/rss+xml': '/feed.xml', 'application/atom+xml': '/feed.atom' },
    },
  }
}

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const settings = await getSiteSettings()
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main-content">
          Skip to main content
        </a>
        {settings.showGovBanner ? (
          <section
            className="gov-banner"
            aria-label="Official website of the United States government"
          >
            An official website of the United States government
          </section>
        ) : null}
        <header className="site-header">
          <a href="/" className="site-name">
            {settings.siteName}
          </a>
          <span className="agency-name">{settings.agencyName}</span>
          <nav aria-label="Site" className="site-nav">
            <a href="/">Latest</a>
            <a href="/archive">Archive</a>
            <a href="/feed.xml">RSS</a>
          </nav>
        </header>
        <main id="main-content" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <p>{settings.agencyName}</p>
        </footer>
      </body>
    </html>
  )
}

import { SLUG_PATTERN, slugify } from '@/lib/slugify'

describe('slugify', () => {
  it.each([
    ['Winter Lock Maintenance, 2024–2025', 'winter-lock-maintenance-2024-2025'],
    ['Q&A: River Gauges', 'q-and-a-river-gauges'],
    ["The Agency's New Grants", 'the-agencys-new-grants'],
    ['Café Déjà Vu', 'cafe-deja-vu'],
    ['  --Spaces and dashes--  ', 'spaces-and-dashes'],
    ['!!!', ''],
    // Letters outside ASCII are transliterated, never dropped.
    ['Straße der Freiheit', 'strasse-der-freiheit'],
    ['Łódź i Kraków', 'lodz-i-krakow'],
    ['Новости агентства', 'novosti-agentstva'],
    ['Ελληνικά νέα', 'ellinika-nea'],
    ['北京欢迎你', 'bei-jing-huan-ying-ni'],
    ['서울 날씨', 'seoul-nalssi'],
    ['Ærø Øresund', 'aero-oresund'],
  ])('%s -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug)
    if (slug) expect(slug).toMatch(SLUG_PATTERN)
  })

  it('keeps slugs to 80 characters without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toMatch(SLUG_PATTERN)
  })
})

import { transliterate } from 'transliteration'

/**
 * URL slug from a title: lowercase ASCII words joined by hyphens, at most 80 characters. Letters
 * outside ASCII are first written in Latin letters by the `transliteration` library ("Straße" →
 * strasse, "Łódź" → lodz, Cyrillic, Greek, Chinese as pinyin, Korean), so no title is left
 * with an unreadable or empty slug.
 */
export function slugify(input: string): string {
  return transliterate(input.replace(/&/g, ' and ').replace(/['’]/g, ''))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

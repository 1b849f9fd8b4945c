import { singleByteRange } from '@/uploads/serveStoredUpload'
import { isStorableName, storedNamesOf } from '@/uploads/storedNames'

describe('storedNamesOf', () => {
  it('lists the original and each resized copy once, skipping sizes Payload did not make', () => {
    expect(
      storedNamesOf({
        filename: 'lock.png',
        sizes: {
          thumbnail: { filename: 'lock-400x267.png' },
          card: { filename: null },
          wide: { filename: 'lock.png' },
        },
      }),
    ).toEqual(['lock.png', 'lock-400x267.png'])
    expect(storedNamesOf(null)).toEqual([])
    expect(storedNamesOf({ filename: null, sizes: null })).toEqual([])
  })
})

describe('isStorableName', () => {
  it.each(['lock.png', 'lock-400x267.png', 'Übersicht 2026.jpg'])('accepts %s', (name) => {
    expect(isStorableName(name)).toBe(true)
  })

  it.each([
    '',
    '.',
    '..',
    '../secret.png',
    'a/b.png',
    'a\\b.png',
    'line\nbreak.png',
    'x'.repeat(256),
  ])('refuses %j, which Payload never gives a file', (name) => {
    expect(isStorableName(name)).toBe(false)
  })
})

describe('singleByteRange', () => {
  it.each(['bytes=0-99', 'bytes=100-', 'bytes=-100', ' bytes=5-5 '])('passes %j on', (header) => {
    expect(singleByteRange(header)).toBe(header.trim())
  })

  it.each([null, '', 'bytes=-', 'bytes=9-2', 'bytes=0-1,5-6', 'items=0-1', 'bytes=a-b'])(
    'answers %j whole (no range)',
    (header) => {
      expect(singleByteRange(header)).toBeUndefined()
    },
  )
})

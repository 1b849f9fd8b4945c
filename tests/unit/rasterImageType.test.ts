import { rasterImageType } from '@/lib/rasterImageType'

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  )

describe('rasterImageType', () => {
  it.each([
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['image/png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a)],
    ['image/gif', bytes('GIF89a')],
    ['image/webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')],
    ['image/avif', bytes(0, 0, 0, 0x1c, 'ftypavif')],
  ])('recognises %s', (type, data) => {
    expect(rasterImageType(data)).toBe(type)
  })

  it.each([
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['XML', bytes('<?xml version="1.0"?><svg/>')],
    ['HTML', bytes('<html><script>alert(1)</script>')],
    ['PDF', bytes('%PDF-1.7')],
    ['empty', bytes()],
  ])('refuses %s', (_name, data) => {
    expect(rasterImageType(data)).toBeNull()
  })
})

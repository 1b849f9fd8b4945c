import sharp from 'sharp'

/** A real 2×2 PNG. */
export async function tinyPng(): Promise<Buffer> {
  return sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
    .png()
    .toBuffer()
}

/** An SVG carrying script: what an attacker would rename to .png and send as image/png. */
export const SVG_WITH_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><script>alert(document.cookie)</script></svg>',
)

/** Markup that is not an image at all, under an image name and type. */
export const HTML_PAGE = Buffer.from(
  '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>',
)

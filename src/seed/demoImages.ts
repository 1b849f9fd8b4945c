import sharp from 'sharp'

/**
 * Images for the demo posts, drawn here as SVG and turned into JPEG at seed time (no text in
 * them, so no font is needed, and nothing downloaded). Uploaded as ordinary media: the site and
 * its screenshots show them as any editor's upload.
 */
export type DemoImage = {
  /** Used by a post's `{ type: 'image', image: key }` block. */
  key: string
  filename: string
  alt: string
  caption: string
  width: number
  height: number
  svg: string
}

const WIDTH = 1600
const HEIGHT = 900

/** A lock in side view: the high pool held by the upper gate, a tow lowered in the chamber. */
const lockDiagram = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#d9e8f6"/><stop offset="1" stop-color="#f0f6fb"/>
    </linearGradient>
    <linearGradient id="water" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#73b3e7"/><stop offset="1" stop-color="#2378c3"/>
    </linearGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
  <circle cx="1380" cy="150" r="70" fill="#fee685"/>
  <path d="M0 260 Q200 200 420 250 T900 240 T1600 250 V420 H0Z" fill="#a3c9a8" opacity="0.6"/>
  <rect x="0" y="330" width="600" height="400" fill="url(#water)"/>
  <rect x="600" y="560" width="520" height="170" fill="url(#water)"/>
  <rect x="1140" y="560" width="460" height="170" fill="url(#water)"/>
  <path d="M0 330 H600" stroke="#e7f2f5" stroke-width="4" stroke-dasharray="18 12"/>
  <rect x="0" y="730" width="${WIDTH}" height="170" fill="#71767a"/>
  <rect x="560" y="250" width="40" height="480" fill="#a9aeb1"/>
  <rect x="1120" y="470" width="40" height="260" fill="#a9aeb1"/>
  <rect x="520" y="230" width="120" height="26" fill="#8d9297"/>
  <rect x="1080" y="450" width="120" height="26" fill="#8d9297"/>
  <rect x="596" y="270" width="18" height="460" fill="#1a4480"/>
  <rect x="640" y="518" width="150" height="52" rx="4" fill="#8b0a03"/>
  <rect x="796" y="518" width="150" height="52" rx="4" fill="#8b0a03"/>
  <rect x="640" y="508" width="306" height="12" fill="#5c1111"/>
  <rect x="952" y="500" width="120" height="70" rx="6" fill="#3d4551"/>
  <rect x="980" y="440" width="70" height="60" rx="4" fill="#f0f0f0" stroke="#3d4551" stroke-width="6"/>
  <rect x="992" y="452" width="20" height="16" fill="#2378c3"/>
  <rect x="1020" y="452" width="20" height="16" fill="#2378c3"/>
  <rect x="1030" y="410" width="10" height="30" fill="#3d4551"/>
  <path d="M600 560 H1120" stroke="#e7f2f5" stroke-width="4" stroke-dasharray="18 12"/>
  <path d="M860 340 V470" stroke="#1b1b1b" stroke-width="6"/>
  <path d="M840 450 L860 485 L880 450Z" fill="#1b1b1b"/>
  <path d="M360 420 Q380 440 400 420 T440 420" stroke="#e7f2f5" stroke-width="4" fill="none"/>
  <path d="M1300 620 Q1320 640 1340 620 T1380 620" stroke="#e7f2f5" stroke-width="4" fill="none"/>
</svg>`

export const DEMO_IMAGES: DemoImage[] = [
  {
    key: 'lock-diagram',
    filename: 'lock-chamber-diagram.jpg',
    alt: 'Diagram of a lock in side view: the closed upper gate holds back the higher pool on the left, while a towboat and two barges float in the chamber, lowered to the level of the river below.',
    caption:
      'How a lock lowers a tow: water leaves the chamber until it matches the river downstream.',
    width: WIDTH,
    height: HEIGHT,
    svg: lockDiagram,
  },
]

/** The image as a JPEG file, ready to upload. */
export async function renderDemoImage(image: DemoImage): Promise<Buffer> {
  return sharp(Buffer.from(image.svg)).jpeg({ quality: 82 }).toBuffer()
}

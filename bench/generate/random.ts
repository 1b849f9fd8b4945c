/** A small seeded generator (mulberry32): the same seed gives the same data on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'the lock river barge channel notice crew season public meeting permit water level dredging ' +
  'harbor grant schedule closure safety report thank you for posting question about when will ' +
  'this affect our small boat ramp access upstream downstream project update comment plan ' +
  'survey data map we have been waiting since last spring how does that compare with other ' +
  'sites my family fishes near the dam please consider weekend hours'
).split(' ')

/** Plain text of about `length` characters. */
export function words(random: () => number, length: number): string {
  const out: string[] = []
  let size = 0
  while (size < length) {
    const word = WORDS[Math.floor(random() * WORDS.length)]
    out.push(word)
    size += word.length + 1
  }
  const text = out.join(' ')
  return text[0].toUpperCase() + text.slice(1) + '.'
}

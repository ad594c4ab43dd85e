/** A small seeded PRNG (mulberry32), so a bulk dataset is the same for the same --seed. */
export type Random = {
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(list: readonly T[]) => T
  chance: (p: number) => boolean
  /** A log-normal weight: most near 1, a few much larger (how attention spreads over stories). */
  weight: () => number
}

export function random(seed: number): Random {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    weight: () => Math.exp(Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())),
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width)

/** An id shaped like the ones Payload gives array rows (a 24-hex-digit ObjectID). */
export function objectId(r: Random, at: Date, counter: number): string {
  const seconds = Math.floor(at.getTime() / 1000)
  return (
    hex(seconds, 8) + hex(Math.floor(r.next() * 0xffffffff), 8) + hex(Math.floor(r.next() * 0xff), 2) + hex(counter, 6)
  )
}

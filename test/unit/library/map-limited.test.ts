import { describe, expect, it } from 'vitest'
import { mapLimited } from '../../../electron/domain/library/map-limited'

// Opening a library releases its lock when opening fails: no file may still be read or repaired
// after that, so a failure stops new work and is thrown only once the work in flight is done.

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('mapLimited', () => {
  it('keeps the order of the items whatever order the calls end in', async () => {
    const out = await mapLimited([5, 1, 4, 2, 3], 3, async (n) => {
      for (let i = 0; i < n; i++) await tick()
      return n * 10
    })
    expect(out).toEqual([50, 10, 40, 20, 30])
  })

  it('never has more than `limit` calls in flight', async () => {
    let inFlight = 0
    let most = 0
    await mapLimited([...Array(20).keys()], 4, async () => {
      most = Math.max(most, ++inFlight)
      await tick()
      inFlight--
    })
    expect(most).toBe(4)
  })

  it('after a failure starts no further item and throws once the calls in flight have ended', async () => {
    const started: number[] = []
    const ended: number[] = []
    const run = mapLimited([0, 1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n)
      if (n === 1) {
        await tick()
        throw new Error('item 1 is damaged')
      }
      for (let i = 0; i < 4; i++) await tick()
      ended.push(n)
    })
    await expect(run).rejects.toThrow('item 1 is damaged')
    expect(started).toEqual([0, 1, 2])
    // The slower calls begun before the failure had finished by the time it was thrown.
    expect(ended.sort()).toEqual([0, 2])
  })
})

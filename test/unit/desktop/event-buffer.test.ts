import { describe, expect, it } from 'vitest'
import { EventBuffer } from '../../../electron/desktop/event-buffer'

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('EventBuffer', () => {
  it('holds an event that arrives before anyone listens, and hands it to the first listener', async () => {
    const buffer = new EventBuffer<number>()
    buffer.deliver(1)
    const seen: number[] = []
    buffer.subscribe((n) => seen.push(n))
    await tick()
    expect(seen).toEqual([1])
    buffer.deliver(2)
    expect(seen).toEqual([1, 2])
  })

  it('gives held events to the listener that stays when the first one leaves at once', async () => {
    const buffer = new EventBuffer<number>()
    buffer.deliver(1)
    const first: number[] = []
    const second: number[] = []
    buffer.subscribe((n) => first.push(n))() // StrictMode: mount, unmount …
    buffer.subscribe((n) => second.push(n)) // … mount again
    await tick()
    expect(first).toEqual([])
    expect(second).toEqual([1])
  })

  it('keeps holding while nobody listens', async () => {
    const buffer = new EventBuffer<number>()
    buffer.deliver(1)
    buffer.subscribe(() => undefined)()
    await tick()
    const late: number[] = []
    buffer.subscribe((n) => late.push(n))
    await tick()
    expect(late).toEqual([1])
  })
})

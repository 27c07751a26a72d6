import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, restoredBounds, type Rect } from '../../../electron/desktop/window-state'

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 900 }
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1440 }

const state = (bounds: Rect, maximized = false) => ({ bounds, maximized })

describe('restoredBounds', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoredBounds(null, [laptop])).toEqual({
      x: (1440 - DEFAULT_SIZE.width) / 2,
      y: (900 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
    })
  })

  it('keeps a window that still fits where it was, on whichever display that is', () => {
    const onLaptop = { x: 40, y: 30, width: 1000, height: 700 }
    expect(restoredBounds(state(onLaptop), [laptop, rightMonitor])).toEqual(onLaptop)
    const onMonitor = { x: 2000, y: 100, width: 1600, height: 1000 }
    expect(restoredBounds(state(onMonitor), [laptop, rightMonitor])).toEqual(onMonitor)
  })

  it('centres a window whose monitor was unplugged on the primary display', () => {
    const onMonitor = { x: 2000, y: 100, width: 1000, height: 700 }
    expect(restoredBounds(state(onMonitor), [laptop])).toEqual({
      x: 220,
      y: 100,
      width: 1000,
      height: 700,
    })
  })

  it('treats a window showing only a sliver on a display as off it', () => {
    const sliver = { x: 1400, y: 100, width: 1000, height: 700 }
    expect(restoredBounds(state(sliver), [laptop])).toEqual({
      x: 220,
      y: 100,
      width: 1000,
      height: 700,
    })
  })

  it('moves a window that hangs over an edge fully onto its display', () => {
    const hanging = { x: 900, y: -50, width: 1000, height: 700 }
    expect(restoredBounds(state(hanging), [laptop])).toEqual({
      x: 440,
      y: 0,
      width: 1000,
      height: 700,
    })
  })

  it('shrinks a window larger than the display it is restored to', () => {
    const huge = { x: 0, y: 0, width: 2400, height: 1400 }
    expect(restoredBounds(state(huge), [laptop])).toEqual(laptop)
  })

  it('respects a display work area that does not start at 0 (a taskbar on the left or top)', () => {
    const withBar = { x: 60, y: 25, width: 1380, height: 875 }
    const under = { x: 0, y: 0, width: 1000, height: 700 }
    expect(restoredBounds(state(under), [withBar])).toEqual({
      x: 60,
      y: 25,
      width: 1000,
      height: 700,
    })
  })
})

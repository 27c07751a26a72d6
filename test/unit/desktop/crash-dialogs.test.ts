import { describe, expect, it } from 'vitest'
import {
  aboutText,
  mainErrorDialog,
  rendererGoneDialog,
} from '../../../electron/desktop/crash-dialogs'

const LOG = '/home/ana/.config/Review Curator/logs/main.log'

describe('crash dialogs', () => {
  it('shows an error in main with the log path and the error, keeping the app running by default', () => {
    const text = mainErrorDialog(new TypeError('boom in the store'), LOG)
    expect(text.detail).toContain(LOG)
    expect(text.detail).toContain('TypeError: boom in the store')
    expect(text.buttons[text.defaultId]).toBe('Keep Running')
    expect(text.buttons).toContain('Quit')
  })

  it('offers Reload first when the page crashed, and nothing when it closed cleanly', () => {
    const text = rendererGoneDialog({ reason: 'crashed', exitCode: 139 }, LOG)
    expect(text?.message).toMatch(/crashed/)
    expect(text?.buttons[text.defaultId]).toBe('Reload')
    expect(text?.detail).toContain(LOG)
    expect(rendererGoneDialog({ reason: 'clean-exit', exitCode: 0 }, LOG)).toBeNull()
    expect(rendererGoneDialog({ reason: 'something-new', exitCode: 1 }, LOG)?.message).toContain(
      'something-new',
    )
  })

  it('names the version in About', () => {
    const text = aboutText('Review Curator', {
      app: '0.1.0',
      electron: '45.4.1',
      chrome: '140.0.0.0',
      node: '22.20.0',
    })
    expect(text.message).toBe('Review Curator 0.1.0')
    expect(text.detail).toContain('Electron 45.4.1')
  })
})

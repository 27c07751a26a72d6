import { useCallback, useEffect, useState } from 'react'
import {
  DEFAULT_EXPORT_OPTIONS,
  type ExportFormat,
  type ExportOptions,
  type ExportPrefs,
  type ExportScope,
} from '../../../shared/channels/export'
import { errorMessage, invoke } from '../api'

export interface ExportForm {
  format: ExportFormat
  options: ExportOptions
  scope: ExportScope
  prefs: ExportPrefs | null
  /** Reviews the export would write now; null while counting or when the scope is incomplete. */
  count: number | null
  countError: string | null
  /** The report's default title and the proposed file name, from the work and the scope. */
  naming: { title: string; fileName: string } | null
  setFormat: (format: ExportFormat) => void
  setOptions: (patch: Partial<ExportOptions>) => void
  setScope: (scope: ExportScope) => void
  applyPreset: (name: string) => void
  savePreset: (name: string) => Promise<void>
  deletePreset: (name: string) => Promise<void>
}

/** The dialog's state: format, options, scope; last settings per format and presets from main. */
export function useExportForm(initialScope: ExportScope, onError: (m: string) => void): ExportForm {
  const [format, setFormatState] = useState<ExportFormat>('json')
  const [options, setOptionsState] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS)
  const [scope, setScope] = useState<ExportScope>(initialScope)
  const [prefs, setPrefs] = useState<ExportPrefs | null>(null)
  const [count, setCount] = useState<number | null>(null)
  const [countError, setCountError] = useState<string | null>(null)
  const [naming, setNaming] = useState<ExportForm['naming']>(null)

  useEffect(() => {
    let live = true
    invoke('export:prefs', {})
      .then((p) => {
        if (!live) return
        setPrefs(p)
        // The dialog opens on the format used last (the last one remembered).
        const last = Object.keys(p.last).at(-1) as ExportFormat | undefined
        const format = last && (last !== 'pdf' || p.pdfAvailable) ? last : 'json'
        setFormatState(format)
        setOptionsState({ ...DEFAULT_EXPORT_OPTIONS, ...p.last[format] })
      })
      .catch((e: unknown) => live && onError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [onError])

  const scopeKey = JSON.stringify(scope)
  const optionsKey = JSON.stringify(options)
  useEffect(() => {
    let live = true
    setCount(null)
    setCountError(null)
    if (scope.kind === 'view' && !scope.id) return
    if (scope.kind === 'tag' && !scope.tag) return
    if (scope.kind === 'work' && !scope.workId) return
    invoke('export:count', { format, scope, options })
      .then((r) => {
        if (!live) return
        setCount(r.count)
        setNaming({ title: r.title, fileName: r.fileName })
      })
      .catch((e: unknown) => live && setCountError(errorMessage(e)))
    return () => {
      live = false
    }
    // The keys stand for scope and options: a new object of the same value must not recount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [format, scopeKey, optionsKey])

  const setFormat = useCallback(
    (next: ExportFormat) => {
      setFormatState(next)
      // Each format remembers its own last settings.
      setOptionsState({ ...DEFAULT_EXPORT_OPTIONS, ...prefs?.last[next] })
    },
    [prefs],
  )

  const presetCall = useCallback(
    async (call: () => Promise<ExportPrefs>) => {
      try {
        setPrefs(await call())
      } catch (e) {
        onError(errorMessage(e))
      }
    },
    [onError],
  )

  return {
    format,
    options,
    scope,
    prefs,
    count,
    countError,
    naming,
    setFormat,
    setOptions: (patch) => setOptionsState((o) => ({ ...o, ...patch })),
    setScope,
    applyPreset: (name) => {
      const preset = prefs?.presets.find((p) => p.name === name)
      if (!preset) return
      setFormatState(preset.format)
      setOptionsState(preset.options)
    },
    savePreset: (name) => presetCall(() => invoke('export:preset-save', { name, format, options })),
    deletePreset: (name) => presetCall(() => invoke('export:preset-delete', { name })),
  }
}

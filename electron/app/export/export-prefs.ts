import {
  type ExportFormat,
  type ExportOptions,
  type ExportPrefs,
  type ExportPreset,
} from '../../../shared/channels/export'
import type { Library } from '../../domain/library/library'

// Last-used options per format and named presets live in library.json, so they travel with the
// library (and its backups) rather than with one machine.

export function readPrefs(library: Library, pdfAvailable: boolean): ExportPrefs {
  const { exportSettings, exportPresets } = library.exportPrefs
  return {
    last: exportSettings as ExportPrefs['last'],
    presets: [...exportPresets],
    pdfAvailable,
  }
}

export async function rememberOptions(
  library: Library,
  format: ExportFormat,
  options: ExportOptions,
): Promise<void> {
  const settings = library.exportPrefs.exportSettings
  const current = settings[format]
  // The format used last is the last key, so the dialog opens on it next time.
  const isLast = Object.keys(settings).at(-1) === format
  if (isLast && JSON.stringify(current) === JSON.stringify(options)) return
  await library.saveMeta((meta) => {
    const { [format]: _previous, ...others } = meta.exportSettings
    meta.exportSettings = { ...others, [format]: options }
  })
}

/** Saves a preset; one of the same name (ignoring case) is replaced. */
export async function savePreset(library: Library, preset: ExportPreset): Promise<void> {
  const key = preset.name.toLowerCase()
  await library.saveMeta((meta) => {
    const others = meta.exportPresets.filter((p) => p.name.toLowerCase() !== key)
    meta.exportPresets = [...others, preset].sort((a, b) => a.name.localeCompare(b.name))
  })
}

export async function deletePreset(library: Library, name: string): Promise<void> {
  const key = name.toLowerCase()
  await library.saveMeta((meta) => {
    meta.exportPresets = meta.exportPresets.filter((p) => p.name.toLowerCase() !== key)
  })
}

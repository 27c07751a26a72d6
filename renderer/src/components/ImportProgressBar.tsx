import type { ImportProgress } from '../../../shared/contract'

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: 'Reading',
  parsing: 'Reading reviews in',
  writing: 'Saving',
}

interface Props {
  progress: ImportProgress
  onCancel: () => void
}

/** A strip under the toolbar: the window stays usable while a large dump is read. */
export function ImportProgressBar({ progress, onCancel }: Props) {
  const percent = Math.round(progress.fraction * 100)
  const label = `${PHASES[progress.phase]} ${progress.fileName}`.trim()
  return (
    <div className="import-progress">
      <span className="import-progress-label">{label}…</span>
      <progress
        aria-label="Import progress"
        aria-valuetext={`${percent}%`}
        max={100}
        value={percent}
      />
      <span className="import-progress-percent">{percent}%</span>
      {progress.phase !== 'writing' && (
        <button type="button" className="quiet" onClick={onCancel}>
          Cancel import
        </button>
      )}
    </div>
  )
}

import type { CheckEntry } from '../../../shared/contract'
import { useLibraryCheck } from '../hooks/useLibraryCheck'
import { ModalDialog } from './ModalDialog'

const LEVEL_LABELS: Record<CheckEntry['level'], string> = {
  ok: 'OK',
  repaired: 'Repaired',
  problem: 'Problem',
  note: 'Note',
}

/** Help → Check Library: every file of the library, what was wrong and what was repaired. */
export function CheckLibraryDialog({ onClose }: { onClose: () => void }) {
  const { check, running, error, rerun } = useLibraryCheck()
  const repaired = check?.entries.filter((e) => e.level === 'repaired').length ?? 0
  return (
    <ModalDialog title="Check library" className="check-library" onClose={onClose}>
      {running && <p role="status">Checking every file of the library…</p>}
      {error && <p role="alert">The check could not run: {error}</p>}
      {check && (
        <>
          <p role="status">
            {check.problems > 0
              ? `${check.problems} ${check.problems === 1 ? 'problem needs' : 'problems need'} you.`
              : 'The library is fine.'}
            {repaired > 0 && ` ${repaired} repaired.`}
          </p>
          <table className="check-entries">
            <thead>
              <tr>
                <th scope="col">Checked</th>
                <th scope="col">Result</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {check.entries.map((entry, i) => (
                <tr key={`${entry.subject}-${i}`} className={`check-${entry.level}`}>
                  <th scope="row">{entry.subject}</th>
                  <td>{LEVEL_LABELS[entry.level]}</td>
                  <td>{entry.level === 'ok' ? '' : entry.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={rerun}>
            Check again
          </button>
        </>
      )}
    </ModalDialog>
  )
}

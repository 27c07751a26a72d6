import { useState } from 'react'
import { focusReviewList } from '../focus'
import { plural } from '../format'

// Remembered in the renderer: the hint is about this app's UI, not about the library's data.
const DISMISSED_KEY = 'curator.hint.ambiguous-bylines'

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === 'dismissed'
  } catch {
    return false
  }
}

interface Props {
  /** Reviews whose byline split is still a guess. */
  count: number
  /** Opens the report of the import that showed no dialog; absent when there is none. */
  onViewReport?: () => void
}

/**
 * What the sample's import report used to say in a modal, as one line a newcomer can read and
 * dismiss: most copied IMDb bylines run name and date together, and the split is a guess.
 */
export function BylineHint({ count, onViewReport }: Props) {
  const [dismissed, setDismissed] = useState(wasDismissed)
  if (dismissed || count === 0) return null
  const dismiss = () => {
    setDismissed(true)
    // The button goes away with the strip; the keyboard goes back to the list, not to <body>.
    focusReviewList()
    try {
      localStorage.setItem(DISMISSED_KEY, 'dismissed')
    } catch {
      // Storage refused (private mode): the hint stays away for this session only.
    }
  }
  return (
    <aside className="hint-strip" aria-label="Hint">
      <p>
        {plural(count, 'review')} {count === 1 ? 'has' : 'have'} an ambiguous byline: the copy runs
        the name and the date together, so the split is a guess. Check it with the{' '}
        <strong>ambiguous</strong> marker next to the author in the reader.
      </p>
      {onViewReport && (
        <button type="button" className="quiet" onClick={onViewReport}>
          View import report
        </button>
      )}
      <button type="button" className="quiet" onClick={dismiss}>
        Dismiss
      </button>
    </aside>
  )
}

import { useState } from 'react'
import { MOD } from '../keys'
import { CheckLibraryDialog } from './CheckLibraryDialog'
import { ModalDialog } from './ModalDialog'

const GROUPS: [string, [string, string][]][] = [
  [
    'List',
    [
      ['↑ ↓ or J K, Home End PgUp PgDn', 'Move to another review'],
      ['Enter', 'Open the review: the keyboard moves to its text in the reader'],
      ['Shift + ↑ ↓', 'Extend the selection'],
      [`${MOD} + click, ${MOD} + Space`, 'Add or remove a review from the selection'],
      ['Shift + click', 'Select a range'],
      [`${MOD} + A`, 'Select all matching reviews'],
      ['Esc', 'Back to the current review only'],
      ['L', 'Focus the list'],
    ],
  ],
  [
    'Curate (current review or selection)',
    [
      ['1 … 9', 'Toggle the tag pinned to that key (shown in the sidebar)'],
      ['T', 'Add a tag: ↑ ↓ choose an offer, Enter adds it, Tab completes'],
      ['N', 'Write the note'],
      ['Alt + 1 … Alt + 9, Alt + 0', 'My rating 1 … 9, 10'],
      ['Alt + Backspace', 'Clear my rating'],
      ['S', 'Keep / unkeep (star)'],
      ['R', 'Mark reviewed and go to the next review'],
      ['H', 'Highlight the selected passage'],
      ['Q', 'Copy the quote (the focused or first highlight) with its attribution'],
      ['C', 'Add to a collection'],
      ['Alt + ↑ ↓', 'In a collection: move the review up or down (its export order)'],
    ],
  ],
  [
    'App',
    [
      [`${MOD} + Z`, 'Undo'],
      [`Shift + ${MOD} + Z, ${MOD} + Y`, 'Redo'],
      [`/ or ${MOD} + F`, 'Search (typed queries: rating:>=8 tag:acting -tag:spoiler …)'],
      ['Esc', 'Leave any field (search, tag, note) for the list; the text stays'],
      ['I', 'Show or hide insights'],
      ['?', 'This sheet'],
    ],
  ],
]

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const [checking, setChecking] = useState(false)
  return (
    <ModalDialog title="Keyboard shortcuts" className="shortcuts-sheet" onClose={onClose}>
      <p className="hint">
        Single keys act while the list or the reader has the focus, never in a text field.{' '}
        <button type="button" className="quiet" onClick={() => setChecking(true)}>
          Check library…
        </button>
      </p>
      {checking && <CheckLibraryDialog onClose={() => setChecking(false)} />}
      {GROUPS.map(([title, rows]) => (
        <table key={title} className="shortcuts">
          <caption>{title}</caption>
          <tbody>
            {rows.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </ModalDialog>
  )
}

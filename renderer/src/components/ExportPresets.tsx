import { useId, useState } from 'react'
import type { ExportForm } from '../hooks/useExportForm'

/** Named presets: apply one, save the current format and options under a name, delete one. */
export function ExportPresets({ form }: { form: ExportForm }) {
  const [name, setName] = useState('')
  const [chosen, setChosen] = useState('')
  const presetId = useId()
  const nameId = useId()
  const presets = form.prefs?.presets ?? []
  return (
    <fieldset className="export-fieldset">
      <legend>Presets</legend>
      <div className="dialog-row">
        <label htmlFor={presetId}>Preset</label>
        <select
          id={presetId}
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value)
            form.applyPreset(e.target.value)
          }}
        >
          <option value="">{presets.length ? 'Choose a preset…' : 'No presets yet'}</option>
          {presets.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({p.format})
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!chosen}
          onClick={() => {
            void form.deletePreset(chosen)
            setChosen('')
          }}
        >
          Delete preset
        </button>
      </div>
      <div className="dialog-row">
        <label htmlFor={nameId}>Preset name</label>
        <input
          id={nameId}
          type="text"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="button"
          disabled={!name.trim()}
          onClick={() => {
            void form.savePreset(name.trim())
            setChosen(name.trim())
            setName('')
          }}
        >
          Save preset
        </button>
      </div>
    </fieldset>
  )
}

import { FORMAT_LABELS, type FormatId } from '../../../shared/domain'

export interface FormatInfo {
  id: FormatId
  label: string
}

/** Every format the user can pick to override detection, in the order the UI lists them. */
export const FORMATS: readonly FormatInfo[] = (Object.keys(FORMAT_LABELS) as FormatId[]).map(
  (id) => ({ id, label: FORMAT_LABELS[id] }),
)

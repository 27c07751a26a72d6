import type { ImportReport } from '../../../shared/channels/import'
import type { ParseOptions } from '../../../shared/domain'
import { restoreIfExportText } from './restore-export'
import type { Library } from '../../domain/library/library'
import { registerHistoryStep } from './undo-import'

/**
 * Our own JSON/JSONL export is restored (ids, curation, tag colours), not parsed as a plain dump,
 * unless the user chose another format. The restore records its own history step; it is
 * registered so the report's Undo import can reach it.
 */
export async function restoreOwnExport(
  library: Library,
  inputs: { fileName: string; text: string }[],
  options: ParseOptions = {},
): Promise<ImportReport | null> {
  if (options.format && options.format !== 'review-curator-export') return null
  const report = await restoreIfExportText(library, inputs)
  if (report) {
    registerHistoryStep(
      library,
      report.importId,
      `Restore ${inputs.map((i) => i.fileName).join(', ')}`,
    )
  }
  return report
}

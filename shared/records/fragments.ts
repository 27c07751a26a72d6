import { z } from 'zod'

/** imports/<record>.json: the text of one import the parser could not read as reviews. */
export const FragmentsFileRecord = z.object({
  schemaVersion: z.literal(1),
  recordId: z.string(),
  fileName: z.string(),
  fragments: z.array(z.object({ line: z.number().int().positive(), text: z.string() })),
})
export type FragmentsFileRecord = z.infer<typeof FragmentsFileRecord>

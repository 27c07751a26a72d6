import { z } from 'zod'
import { res } from './schema-helpers'

export const appChannels = {
  'app:open-external': {
    req: z.object({ url: z.string().url().max(2000) }).strict(),
    res: res<{ opened: boolean }>(),
  },
} as const

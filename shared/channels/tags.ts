import { z } from 'zod'
import type { Tag } from '../domain'
import { res, TagName } from './schema-helpers'

export const TagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #30638e')
  .transform((c) => c.toLowerCase())

export interface TagChange {
  /** Reviews whose tags changed. */
  changed: number
  tags: Tag[]
}

export const tagChannels = {
  'tags:create': {
    req: z.object({ name: TagName, color: TagColor.optional() }).strict(),
    res: res<TagChange>(),
  },
  /** Renames a tag and its children (`theme` → `motif` also renames `theme/fatherhood`). */
  'tags:rename': {
    req: z.object({ from: TagName, to: TagName }).strict(),
    res: res<TagChange>(),
  },
  'tags:recolor': {
    req: z.object({ name: TagName, color: TagColor }).strict(),
    res: res<TagChange>(),
  },
  /** Every review tagged `from` gets `into` instead; `from` disappears. */
  'tags:merge': {
    req: z.object({ from: TagName, into: TagName }).strict(),
    res: res<TagChange>(),
  },
  'tags:delete': {
    req: z.object({ name: TagName }).strict(),
    res: res<TagChange>(),
  },
  /** Pins a key 1–9 to the tag, or unpins it (null). */
  'tags:set-key': {
    req: z.object({ name: TagName, key: z.number().int().min(1).max(9).nullable() }).strict(),
    res: res<TagChange>(),
  },
} as const

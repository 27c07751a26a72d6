import { describe, expect, it } from 'vitest'
import { buildTagTree, orderedTags } from '../../../renderer/src/tag-tree'

const tag = (name: string) => ({ name, color: '#000000', count: 1 })

describe('tag tree', () => {
  it('nests by "/" and creates parents that are not tags themselves', () => {
    const tree = buildTagTree([tag('theme/fatherhood'), tag('acting'), tag('theme/violence/gore')])
    expect(tree.map((n) => [n.path, n.tag !== null])).toEqual([
      ['acting', true],
      ['theme', false],
    ])
    const theme = tree[1]!
    expect(theme.children.map((n) => n.label)).toEqual(['fatherhood', 'violence'])
    expect(theme.children[1]!.children[0]).toMatchObject({
      path: 'theme/violence/gore',
      label: 'gore',
    })
  })

  it('orders the real tags as the sidebar shows them, for keys 1–9', () => {
    const names = orderedTags([
      tag('theme/b'),
      tag('theme'),
      tag('music'),
      tag('theme/a'),
      tag('acting'),
    ])
    expect(names.map((t) => t.name)).toEqual(['acting', 'music', 'theme', 'theme/a', 'theme/b'])
  })
})

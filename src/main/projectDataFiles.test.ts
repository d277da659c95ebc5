import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { projectDataFiles } from './projectDataFiles'

describe('projectDataFiles: the data files a project file names', () => {
  it("names its data source's files and each past run's, relative to the project's folder or absolute", () => {
    const project = {
      data: { kind: 'file', format: 'idx', path: 'data/train-images.gz', labelsPath: 'data/train-labels.gz', testPath: '../shared/t10k-images.gz', testLabelsPath: resolve('/srv/class/t10k-labels.gz') },
      runs: [{ data: { kind: 'file', format: 'csv', path: 'old/iris.csv' } }, { data: { kind: 'builtin', id: 'xor', path: 'not/a/file.csv' } }],
      nodes: [{ label: 'data/notes.txt', params: { path: 'x.csv' } }],
    }
    expect([...projectDataFiles('/class/lesson/mnist.axon.json', JSON.stringify(project))].sort()).toEqual(
      [resolve('/class/lesson/data/train-images.gz'), resolve('/class/lesson/data/train-labels.gz'), resolve('/class/shared/t10k-images.gz'), resolve('/srv/class/t10k-labels.gz'), resolve('/class/lesson/old/iris.csv')].sort(),
    )
  })

  it('names nothing in a file that is not JSON, and walks a large run without overflowing', () => {
    expect(projectDataFiles('/class/x.axon.json', 'a,b\n1,2').size).toBe(0)
    const weights = Array.from({ length: 300_000 }, (_, i) => i / 7)
    const deep = `${'{"inner":'.repeat(5000)}{"kind":"file","path":"deep.csv"}${'}'.repeat(5000)}`
    expect([...projectDataFiles('/class/x.axon.json', `{"runs":[{"weights":${JSON.stringify(weights)}}],"deep":${deep}}`)]).toEqual([resolve('/class/deep.csv')])
  })
})

import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'
import { csvToDataset } from './csvDataset'
import { datasetReadTarget, datasetWithClasses } from './datasetRows'

const table = (s: string) => parseCsv(new TextEncoder().encode(s))

describe('csvToDataset', () => {
  const iris = table(
    'sepal,colour,species\n5.1,red,setosa\n7.0,blue,versicolor\n6.3,red,virginica\n4.9,green,setosa\n',
  )

  it('one categorical target → labels with names; categorical features one-hot', () => {
    const { dataset, report } = csvToDataset(iris, { targets: ['species'] })
    expect(dataset.featureNames).toEqual(['sepal', 'colour=blue', 'colour=green', 'colour=red'])
    expect(Array.from(dataset.inputs)).toEqual([
      5.1, 0, 0, 1, 7.0, 1, 0, 0, 6.3, 0, 0, 1, 4.9, 0, 1, 0,
    ])
    expect(dataset).toMatchObject({
      count: 4,
      inputSize: 4,
      targetSize: 3,
      labelNames: ['setosa', 'versicolor', 'virginica'],
    })
    expect(Array.from(dataset.labels!)).toEqual([0, 1, 2, 0])
    expect(dataset.targets).toBeUndefined()
    expect(report).toMatchObject({ rowsUsed: 4, rowsWithMissing: 0, droppedLines: [], filled: [] })
  })

  it('numeric target → regression targets with names; chosen features only', () => {
    const { dataset } = csvToDataset(iris, { targets: ['sepal'], features: ['colour'] })
    expect([dataset.targetSize, dataset.targetNames, Array.from(dataset.targets!)]).toEqual([
      1,
      ['sepal'],
      [5.1, 7.0, 6.3, 4.9],
    ])
    expect(dataset.inputSize).toBe(3)
  })

  it('several targets → concatenated targets (numbers, one-hot blocks)', () => {
    const { dataset } = csvToDataset(iris, { targets: ['sepal', 'colour'], features: ['species'] })
    expect(dataset.targetNames).toEqual(['sepal', 'colour=blue', 'colour=green', 'colour=red'])
    expect(Array.from(dataset.targets!.subarray(0, 8))).toEqual([5.1, 0, 0, 1, 7.0, 1, 0, 0])
  })

  it('a numeric column treated as classes (e.g. a digit label)', () => {
    const t = table('label,p1,p2\n7,0,255\n2,128,3\n7,1,1\n')
    const { dataset } = csvToDataset(t, { targets: ['label'], categorical: ['label'] })
    expect([dataset.labelNames, Array.from(dataset.labels!)]).toEqual([
      ['2', '7'],
      [1, 0, 1],
    ])
    // Whole numbers in 0…255 with nothing missing stay bytes.
    expect(dataset.inputs).toBeInstanceOf(Uint8Array)
    expect(Array.from(dataset.inputs)).toEqual([0, 255, 128, 3, 1, 1])
  })

  describe('missing values', () => {
    const t = table('a,b,c,y\n1,x,10,yes\n,y,20,no\nNA,x,,yes\n4,,40,\n5,y,50,no\n')

    it('drop: rows with a missing chosen value go, and their lines are reported', () => {
      const { dataset, report } = csvToDataset(t, { targets: ['y'], missing: 'drop' })
      expect(dataset.count).toBe(2)
      expect(report).toMatchObject({
        rowsUsed: 2,
        rowsWithMissing: 3,
        droppedLines: [3, 4, 5],
        filled: [],
      })
    })

    it('only the chosen columns count', () => {
      const { dataset } = csvToDataset(t, { targets: ['y'], features: ['b'], missing: 'drop' })
      expect(dataset.count).toBe(4)
    })

    it('mean: numeric mean, categorical most frequent, over the rows kept; missing targets still dropped', () => {
      const { dataset, report } = csvToDataset(t, { targets: ['y'], missing: 'mean' })
      expect(report.droppedLines).toEqual([5])
      // Line 5 (no target) is dropped, so its 4 and 40 do not count.
      expect(report.filled).toEqual([
        { column: 'a', count: 2, value: (1 + 5) / 2 },
        { column: 'c', count: 1, value: (10 + 20 + 50) / 3 },
      ])
      expect(dataset.count).toBe(4)
      // Row 2 (a missing) → a = 3; b one-hot (x, y); c.
      expect(Array.from(dataset.inputs.subarray(4, 8))).toEqual([3, 0, 1, 20])
      expect(Array.from(dataset.inputs.subarray(8, 12))).toEqual([3, 1, 0, 80 / 3])
      // fillMean is the older name of mean.
      expect(csvToDataset(t, { targets: ['y'], missing: 'fillMean' }).report.filled).toEqual(report.filled)
    })

    it('median and mode', () => {
      const m = table('a,y\n1,p\n,q\n2,p\n10,q\n2,p\n')
      expect(csvToDataset(m, { targets: ['y'], missing: 'median' }).report.filled).toEqual([{ column: 'a', count: 1, value: 2 }])
      expect(csvToDataset(m, { targets: ['y'], missing: 'mode' }).report.filled).toEqual([{ column: 'a', count: 1, value: 2 }])
      const even = table('a,y\n1,p\n,q\n2,p\n10,q\n3,p\n')
      expect(csvToDataset(even, { targets: ['y'], missing: 'median' }).report.filled[0].value).toBe(2.5)
    })

    it('fillValue: the given number', () => {
      const { dataset, report } = csvToDataset(t, {
        targets: ['y'],
        features: ['a'],
        missing: 'fillValue',
        fillValue: -1,
      })
      expect(Array.from(dataset.inputs)).toEqual([1, -1, -1, 5])
      expect(report.filled).toEqual([{ column: 'a', count: 2, value: -1 }])
    })
  })
})

describe('datasetWithClasses', () => {
  const trained = ['setosa', 'versicolor', 'virginica']

  it('renumbers a file that lacks a class onto the trained classes (one-hot of the full width)', () => {
    const { dataset } = csvToDataset(table('x,species\n1,virginica\n2,setosa\n3,virginica\n'), { targets: ['species'] })
    expect(dataset.labelNames).toEqual(['setosa', 'virginica'])
    const mapped = datasetWithClasses(dataset, trained)
    expect(Array.from(mapped.labels!)).toEqual([2, 0, 2])
    expect(mapped).toMatchObject({ targetSize: 3, labelNames: trained })
    const t = new Float64Array(3)
    datasetReadTarget(mapped, 0, t)
    expect(Array.from(t)).toEqual([0, 0, 1])
  })

  it('a file with a single class becomes one-hot over the trained classes', () => {
    const { dataset } = csvToDataset(table('x,species\n1,versicolor\n2,versicolor\n'), { targets: ['species'] })
    expect(dataset.targetSize).toBe(1)
    const mapped = datasetWithClasses(dataset, trained)
    expect(mapped.targetSize).toBe(3)
    expect(Array.from(mapped.labels!)).toEqual([1, 1])
  })

  it('returns the same dataset when the classes already match, and refuses an unknown class', () => {
    const { dataset } = csvToDataset(table('x,species\n1,setosa\n2,versicolor\n3,virginica\n'), { targets: ['species'] })
    expect(datasetWithClasses(dataset, trained)).toBe(dataset)
    const { dataset: other } = csvToDataset(table('x,species\n1,setosa\n2,rosa\n'), { targets: ['species'] })
    expect(() => datasetWithClasses(other, trained)).toThrow(
      expect.objectContaining({ name: 'DataError', code: 'badLabel', message: 'The class "rosa" is not one of the 3 classes the network was trained on.' }),
    )
  })
})

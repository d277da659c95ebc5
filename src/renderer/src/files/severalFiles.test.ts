import { describe, expect, it } from 'vitest'
import { isProjectFile, oneProjectText } from './severalFiles'

describe('several files where one project opens', () => {
  it('says which project opened and names every file left, in the order given', () => {
    expect(oneProjectText('a.axon.json', ['b.axon.json'])).toBe('Opened a.axon.json. Only one project opens at a time: “b.axon.json” was not opened (open it one by one).')
    expect(oneProjectText('a.axon.json', ['b.axon.json', 'c.axon.json', 'train.csv'])).toBe(
      'Opened a.axon.json. Only one project opens at a time: “b.axon.json”, “c.axon.json” and “train.csv” were not opened (open them one by one).',
    )
  })

  it('takes .json files as projects (a trained model file then opens as a model), everything else as data', () => {
    expect(['net.axon.json', 'NET.JSON', 'm.model.json', 'train.csv', 'x.gz', 'json'].map((name) => isProjectFile({ name }))).toEqual([true, true, true, false, false, false])
  })
})

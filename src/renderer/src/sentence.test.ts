import { describe, expect, it } from 'vitest'
import { asSentence, failedBecause, fileProblemsText } from './sentence'
import { parseProject } from '../../engine/project'

describe('notices that say what failed and why', () => {
  it('make the reason a sentence of its own (it read "… could not be exported: The …")', () => {
    expect(failedBecause('The PyTorch script could not be exported', 'The IDX images have no labels file. Choose the labels file that goes with the images.')).toBe(
      'The PyTorch script could not be exported. The IDX images have no labels file. Choose the labels file that goes with the images.',
    )
    expect(failedBecause('The ONNX model could not be exported', 'train the network first (▶ Train); ONNX holds a trained network’s weights')).toBe(
      'The ONNX model could not be exported. Train the network first (▶ Train); ONNX holds a trained network’s weights.',
    )
    expect(failedBecause('Could not save', '')).toBe('Could not save.')
  })

  it.each([
    ['the file is gone', 'The file is gone.'],
    ['Is it there?', 'Is it there?'],
    ['  ends with a quote (“x”) ', 'Ends with a quote (“x”).'],
    ['Done.', 'Done.'],
  ])('%s', (text, expected) => expect(asSentence(text)).toBe(expected))
})

describe('a file that could not be opened', () => {
  const problems = (text: string) => {
    const parsed = parseProject(text)
    if (parsed.ok) throw new Error('the project parsed')
    return parsed.errors
  }

  it('says what is wrong with the whole file as a sentence, without its path (it read "…: $.format This project was saved …")', () => {
    expect(fileProblemsText('xor.axon.json could not be opened', problems('{"format": "axon-studio/project", "version": 99}'))).toBe(
      'xor.axon.json could not be opened. This project was saved by a newer Axon Studio (project version 99); this one reads up to version 1. Update Axon Studio to open it.',
    )
    expect(fileProblemsText('half.axon.json could not be opened', problems('{"format":'))).toBe('half.axon.json could not be opened. The file is not valid JSON: Unexpected end of JSON input.')
  })

  it('names the place of problems inside the file, the first three of them', () => {
    const inside = [1, 2, 3, 4].map((i) => ({ path: `$.nodes[${i}].kind`, message: 'must be one of "dense", "loss"' }))
    expect(fileProblemsText('x.axon.json could not be opened', inside)).toBe(
      'x.axon.json could not be opened: $.nodes[1].kind must be one of "dense", "loss"; $.nodes[2].kind must be one of "dense", "loss"; $.nodes[3].kind must be one of "dense", "loss" (and 1 more).',
    )
  })
})

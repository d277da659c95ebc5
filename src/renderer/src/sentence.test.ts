import { describe, expect, it } from 'vitest'
import { asSentence, failedBecause } from './sentence'

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

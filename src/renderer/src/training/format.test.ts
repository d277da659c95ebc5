import { describe, expect, it } from 'vitest'
import { fixed, fmt } from './format'

describe('view numbers (fmt)', () => {
  it.each([
    [0.000203264, 5, '0.00020326'],
    [-2.4652, 5, '−2.4652'],
    [1.2677e-70, 5, '1.2677e−70'],
    // Found in the optimizer playground's table: a hyphen in a negative number's exponent, and a trailing zero.
    [-8.1481e-10, 5, '−8.1481e−10'],
    [7.6855e-5, 6, '7.6855e−5'],
    [1e-5, 4, '1e−5'],
    [2.5e6, 4, '2.5e+6'],
    [-1, 5, '−1'],
    [0, 5, '0'],
  ])('%d to %i digits', (v, digits, text) => expect(fmt(v, digits)).toBe(text))
})

describe('step-through numbers (fixed)', () => {
  it.each([
    [0.593269992, 9, '0.593269992'],
    [0.35891648, 8, '0.35891648'],
    [-0.000050058, 9, '−0.000050058'],
    [1, 9, '1'],
    [0, 9, '0'],
    // Found: a sigmoid's output of 1.7e-10 read "0", and E = 2.6e-10 read "E = 0"; 1.17e-9 read "1e-9".
    [1.7e-10, 9, '1.7e−10'],
    [2.6125e-10, 9, '2.613e−10'],
    [1.1713e-9, 9, '1.171e−9'],
    [-3e-12, 9, '−3e−12'],
  ])('%d at %i decimals', (v, decimals, text) => expect(fixed(v, decimals)).toBe(text))
})

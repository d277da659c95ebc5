import { describe, expect, it } from 'vitest'
import { folderOf, relativePath } from './paths'

describe('relativePath', () => {
  it.each([
    ['/home/ana/nets', '/home/ana/nets/data/iris.csv', 'data/iris.csv'],
    ['/home/ana/nets', '/home/ana/data/iris.csv', '../data/iris.csv'],
    ['/home/ana/nets/', '/home/ana/nets/iris.csv', 'iris.csv'],
    ['C:\\Users\\ana\\nets', 'C:\\Users\\ana\\data\\train.gz', '../data/train.gz'],
    ['C:\\Users\\ana\\Nets', 'c:\\users\\ana\\nets\\x.csv', 'x.csv'],
    ['C:\\Users\\ana', 'D:\\data\\x.csv', 'D:/data/x.csv'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(relativePath(from, to)).toBe(expected)
  })

  it('finds the folder of a file', () => {
    expect(folderOf('/home/ana/xor.axon.json')).toBe('/home/ana')
    expect(folderOf('C:\\nets\\xor.axon.json')).toBe('C:/nets')
  })
})

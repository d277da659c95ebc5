/** Class names of the image datasets, index = label. */

/** Fashion-MNIST (Zalando Research, MIT licence), from its README. */
export const FASHION_MNIST_LABELS: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
]

/** MNIST handwritten digits. */
export const MNIST_LABELS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']

/**
 * Playwright helpers that speak the user's language: drag a block from the palette, connect
 * two nodes, type into the inspector, open an example.
 */
import { expect, type Page } from '@playwright/test'

/** Ids of the nodes on the canvas, in document order. */
export async function nodeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
}

/**
 * Drags a palette block (its `palette-…` test id without the prefix, e.g. `dense` or
 * `activation-sigmoid`) onto the canvas at `at` (pane coordinates); returns the new node's id.
 */
export async function dragFromPalette(page: Page, block: string, at: { x: number; y: number }): Promise<string> {
  const before = await nodeIds(page)
  await page.getByTestId(`palette-${block}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: at })
  await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1)
  const added = (await nodeIds(page)).filter((id) => !before.includes(id))
  return added[0]
}

/** Draws a wire from `source`'s output handle to `target`'s input handle, like a mouse would. */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count()
  await drawWireOver(page, source, target)
  await page.mouse.up()
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1)
}

/**
 * Presses on `source`'s output handle and moves over `target`'s input handle, without releasing
 * (the caller drops with `page.mouse.up()`). It waits for a still canvas first, and checks that
 * React Flow really started a wire, so a press that missed its handle fails here, saying so.
 */
export async function drawWireOver(page: Page, source: string, target: string): Promise<void> {
  await viewportSettled(page)
  const handle = `.react-flow__node[data-id="${source}"] .react-flow__handle.source`
  const from = await page.locator(handle).boundingBox()
  const to = await page.locator(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`).boundingBox()
  if (!from || !to) throw new Error(`drawWireOver: handle of ${!from ? source : target} not visible`)
  const press = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
  // A box is not a place on screen: a handle the view has panned under a panel has a box too.
  const covering = await page.evaluate(({ x, y, handle }) => {
    const el = document.elementFromPoint(x, y)
    return el?.closest(handle) ? null : el ? `${el.tagName.toLowerCase()}.${el.className}` : 'nothing'
  }, { ...press, handle })
  if (covering) throw new Error(`drawWireOver: ${source}'s output handle is under ${covering}, not on the canvas (view ${await viewportTransform(page)})`)
  await page.mouse.move(press.x, press.y)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
  await expect(page.getByTestId('connection-line'), `a wire starts at ${source}'s handle`).toHaveCount(1)
  await pointAtHandle(page, target)
}

/**
 * While a wire is drawn: keeps the pointer on `target`'s input handle, following it if the view
 * moved under the drag (a late fit, or React Flow's auto-pan near the edge), until React Flow
 * says the pointer is over it. Failed CI runs showed the drop landing beside a handle that moved.
 */
export async function pointAtHandle(page: Page, target: string): Promise<void> {
  const handle = page.locator(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`)
  await expect(async () => {
    const to = await handle.boundingBox()
    if (!to) throw new Error(`handle of ${target} not visible`)
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 3 })
    await expect(handle).toHaveClass(/connectingto/, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
}

/** Deletes the wire `edgeId` the way a user does: click its label (on a still canvas), see it selected, press Delete. */
export async function deleteEdge(page: Page, edgeId: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count()
  await viewportSettled(page)
  await page.getByTestId(`edge-label-${edgeId}`).click()
  await expect(page.locator(`.react-flow__edge[data-id="${edgeId}"]`)).toHaveClass(/\bselected\b/)
  await page.keyboard.press('Delete')
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges - 1)
}

/**
 * Selects a node by clicking its title area, once, on a still canvas (as a user waits for a
 * moving one): the app never moves the network under a click (a run's status no longer wraps
 * the header, automatic fits wait while the pointer aims at the canvas), so one click selects.
 */
export async function selectNode(page: Page, id: string): Promise<void> {
  await viewportSettled(page)
  await page.locator(`.react-flow__node[data-id="${id}"] .layer-node-kind`).click()
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', id)
}

/** Types into an inspector field of the selected node (replacing what is there). */
export async function setParam(page: Page, key: string, text: string): Promise<void> {
  await page.getByTestId(`param-${key}`).fill(text)
}

/** Opens a gallery example by its file id (e.g. `encoder-8-3-8`). */
export async function openExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId(`example-${id}`).click()
  await expect(page.getByTestId('example-card')).toHaveAttribute('data-example', id)
}

/** The graph as the user sees it: nodes (id, kind, position) and edges (source → target). */
export async function graphSnapshot(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  const nodes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('data-id')}:${e.querySelector('[data-kind]')?.getAttribute('data-kind')}:${(e as HTMLElement).style.transform}:${e.querySelector('.layer-node-main')?.textContent}`),
  )
  const edges = await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? e.getAttribute('aria-label') ?? ''))
  return { nodes: nodes.sort(), edges: edges.sort() }
}

/** The canvas's pan and zoom, as React Flow writes it (`translate(…) scale(…)`). */
async function viewportTransform(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
}

/** Waits until the canvas stops moving (a fit or zoom animation has finished): the viewport transform is the same over several frames. */
export async function viewportSettled(page: Page): Promise<void> {
  // Asked again until the view is still: waitForFunction would take the frames' promise itself
  // as its truthy answer and return at the first move it saw (a resize's fit then landed after
  // the test had measured the canvas).
  for (;;) {
    // No auto-fit scheduled or animating (src/renderer/src/canvas/fitTracking.ts), then a still view.
    await page.waitForFunction(() => !document.body.hasAttribute('data-fitting'))
    const still = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const read = () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? ''
          const first = read()
          let frames = 0
          const tick = () => {
            // A fit scheduled meanwhile (a panel folded by the last one) means not settled yet.
            if (read() !== first || document.body.hasAttribute('data-fitting')) return resolve(false)
            if (++frames >= 6) return resolve(true)
            requestAnimationFrame(tick)
          }
          requestAnimationFrame(tick)
        }),
    )
    if (still) return
  }
}

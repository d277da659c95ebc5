/**
 * The file schemas (zod) run in the page under the app's Content-Security-Policy, which forbids
 * eval: zod is configured jitless, so checking a node's parameters compiles no code and the
 * page reports no CSP violation.
 */
import { expect, test } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'

test('parameter checks run under the CSP without eval: a bad value is pinned on its node, no violation', async ({
  page,
}) => {
  const consoleCsp: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) consoleCsp.push(m.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  await selectNode(page, 'hidden')
  await setParam(page, 'units', '0')
  // The compiler's check (the dense node's parameter schema) says what the value must be.
  const status = page.getByTestId('compile-status')
  await expect(status).toContainText('must be a whole number ≥ 1 (it is 0)')
  await setParam(page, 'units', '2')
  await expect(status).toHaveAttribute('data-ok', 'true')
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([])
  expect(consoleCsp).toEqual([])
  // The page's policy forbids eval (scripts only from 'self', no 'unsafe-eval'), so the check above could have failed.
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(policy).toMatch(/script-src 'self'/)
  expect(policy).not.toMatch(/'unsafe-eval'/)
})

/**
 * For tests that need a Debian package beyond `npm install` (real Fashion-MNIST, NumPy, PyTorch,
 * ONNX, scikit-learn; the registry is scripts/testEnv/requirements.ts). `npm test` installs
 * them where it can; where one is still missing, the group skips with the reason, and the test
 * summary lists it.
 */
import { describe, it } from 'vitest'
import { machineRequirementProbe, missingReason, missingRequirements, type RequirementId } from '../scripts/testEnv/requirements'

export { FASHION_MNIST_DIR, PYTHON } from '../scripts/testEnv/requirements'

/** Why a test needing `needs` cannot run on this machine, or null when it can. */
export function requirementsMissing(...needs: RequirementId[]): string | null {
  return missingReason(missingRequirements(needs, machineRequirementProbe))
}

/**
 * describe() that runs only where `needs` are present. Elsewhere neither the body nor its hooks
 * run: one skipped test carries the reason to the summary.
 */
export function describeRequiring(needs: RequirementId[], name: string, fn: () => void): void {
  describeUnless(requirementsMissing(...needs), name, fn)
}

/** describe() that skips with `reason` (vitest's describe.skipIf cannot carry one), or runs when it is null. */
export function describeUnless(reason: string | null, name: string, fn: () => void): void {
  if (!reason) describe(name, fn)
  else describe(name, () => it(reason, (ctx) => ctx.skip(reason)))
}

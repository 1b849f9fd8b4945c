import path from 'node:path'

import type { Page } from 'playwright-core'

type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] }

/**
 * WCAG 2.1 A/AA violations axe-core finds inside `selector` on the page, as "rule: element"
 * lines (empty when there are none). Scoped to our own markup: Payload's chrome is not ours.
 */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: path.join(process.cwd(), 'node_modules/axe-core/axe.min.js') })
  const result = (await page.evaluate(
    (context) =>
      (window as unknown as { axe: { run: (c: string, o: object) => Promise<unknown> } }).axe.run(
        context,
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      ),
    selector,
  )) as AxeResult
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.help}): ${node.target.join(' ')}`),
  )
}

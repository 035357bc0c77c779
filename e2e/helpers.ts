import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { ARTICLES } from '../src/core/domain/reuse/articles.fixture'
import { file } from './fixtures'

/** Selects the first occurrence of `phrase` inside `root`, as a user dragging over it would. */
export async function selectText(root: Locator, phrase: string): Promise<void> {
  await root.evaluate((el, p) => {
    // A mouse selection moves focus into the reader; a scripted one must do the same.
    ;(el.closest<HTMLElement>('[tabindex]') ?? (el as HTMLElement)).focus()
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').indexOf(p)
      if (i < 0) continue
      const range = document.createRange()
      range.setStart(n, i)
      range.setEnd(n, i + p.length)
      const sel = document.getSelection()
      sel?.removeAllRanges()
      sel?.addRange(range)
      return
    }
    throw new Error(`"${p}" is not in the element`)
  }, phrase)
}

/**
 * The text of every range painted in a CSS Custom Highlight layer ("wb-yellow", "wb-selected", …),
 * in document order. A colour is painted in several highlight objects (wb-yellow-0, wb-yellow-1, …).
 */
export function paintedText(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((name) => {
    const ranges: Range[] = []
    for (const [key, h] of CSS.highlights)
      if (key === name || new RegExp(`^${name}-\\d+$`).test(key))
        for (const r of h as unknown as Iterable<AbstractRange>)
          if (r instanceof Range) ranges.push(r)
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    return ranges.map((r) => r.toString())
  }, layer)
}

export const LEDGER = `Cranes idle at Port Averly

Container handling stopped early on Tuesday after a deliberate intrusion into the terminal system.

The harbour master said no ship, crew member or cargo had been harmed.

Workers said the screens demanded payment in bitcoin.`

export const BLOG = `Foreign hackers hit Averly, insiders claim

Insiders say hackers working for a foreign government carried out the attack.

The port's safety systems were seconds away from being taken over, they claim.`

export async function importTwo(app: Page): Promise<void> {
  await app
    .getByLabel('Import files')
    .setInputFiles([file('ledger.txt', LEDGER), file('blog.txt', BLOG)])
  await app
    .getByRole('region', { name: 'Import results' })
    .getByRole('button', { name: 'Dismiss import results' })
    .click()
}

export const openDoc = (app: Page, title: string): Promise<void> =>
  app
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click()

/** Every axe-core violation on the page as it is, as one line each (empty: none). */
export async function violations(app: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: app }).analyze()
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`)
  )
}

/** Imports our fixture articles (a release, its rewrites, a paraphrase, an unrelated article). */
export async function importArticles(app: Page): Promise<void> {
  await app
    .getByLabel('Import files')
    .setInputFiles(Object.entries(ARTICLES).map(([key, text]) => file(`${key}.txt`, text)))
  await app
    .getByRole('region', { name: 'Import results' })
    .getByRole('button', { name: 'Dismiss import results' })
    .click()
}

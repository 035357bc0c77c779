import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { Option } from 'commander'
import { WorkbenchError } from '../core/base/errors'
import {
  ACH_RATINGS,
  COOCCURRENCE_SCOPES,
  FREE_EVIDENCE_KINDS,
  MATRIX_AXES,
  type AchAnalysis,
  type AchRating,
  type AchView,
  type AnalysisFilter,
  type CooccurrenceScope,
  type FreeEvidenceKind,
  type MatrixAxis,
  type Relevance
} from '../shared/analysis'
import type { Workbench } from '../core/workbench'
import { json, type CliIo, type WithWorkbench } from './io'

const RELEVANCE: Record<string, Relevance> = { L: 'low', M: 'medium', H: 'high' }
const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** Options that choose which passages a view counts. */
function filterOptions(cmd: Command): Command {
  return cmd
    .option(
      '--grades <filters>',
      'only passages with these grades, e.g. "reliability:A-B credibility:1-3"'
    )
    .option('--from <YYYY-MM-DD>', 'only passages dated on or after this day')
    .option('--to <YYYY-MM-DD>', 'only passages dated on or before this day')
}
const filterOf = (o: AnalysisFilter): AnalysisFilter => ({
  ...(o.grades ? { grades: o.grades } : {}),
  ...(o.from ? { from: o.from } : {}),
  ...(o.to ? { to: o.to } : {})
})

/** A row or a column by its label in the analysis (E2, H1) or its id. */
function pick<T extends { id: string }>(
  list: readonly T[],
  ref: string,
  letter: string,
  what: string
): T {
  const m = new RegExp(`^${letter}(\\d+)$`, 'i').exec(ref)
  const found = m ? list[Number(m[1]) - 1] : list.find((x) => x.id === ref)
  if (!found)
    throw new WorkbenchError(
      'not-found',
      `No ${what} “${ref}” in this analysis (give ${letter}1, ${letter}2… or an id; see workbench ach show).`
    )
  return found
}

function showAnalysis(io: CliIo, v: AchView): void {
  const a = v.analysis
  const h = new Map(a.hypotheses.map((x, i) => [x.id, `H${i + 1}`]))
  io.out(`${a.title}  (${a.id})\n`)
  if (a.question) io.out(`Question: ${a.question}\n`)
  io.out('\nHypotheses, least inconsistent first:\n')
  const score = new Map(v.result.scores.map((s) => [s.hypothesisId, s]))
  for (const id of v.result.ranking) {
    const s = score.get(id)
    const text = a.hypotheses.find((x) => x.id === id)?.text ?? ''
    io.out(`  ${h.get(id)}  ${num.format(s?.weighted ?? 0).padStart(6)}  ${text}  (${id})\n`)
  }
  if (!a.hypotheses.length) io.out('  (none yet: workbench ach hypothesis)\n')
  io.out('\nEvidence:\n')
  const rows = new Map(v.result.rows.map((r) => [r.evidenceId, r]))
  a.evidence.forEach((e, i) => {
    const r = rows.get(e.id)
    const ratings = a.hypotheses
      .map((x) => `${h.get(x.id)}=${e.cells[x.id]?.rating ?? '·'}`)
      .join(' ')
    const from = v.sources[e.id]
    io.out(
      `  E${i + 1}  ${e.relevance.padEnd(6)} cred ${r?.credibility ?? '–'}  diag ${r?.diagnosticity ?? 0}  ${ratings}  ${e.text.replace(/\s+/g, ' ').slice(0, 80)}${from ? `  — ${from.docTitle} ${from.badge}` : ''}  (${e.id})\n`
    )
  })
  if (!a.evidence.length) io.out('  (none yet: workbench ach evidence)\n')
  const s = v.result.sensitivity
  if (s.rows.length || s.origins.length) {
    io.out('\nSensitivity: the lead changes without ')
    io.out(
      [
        ...s.rows.map((x) => `E${a.evidence.findIndex((e) => e.id === x.evidenceId) + 1}`),
        ...s.origins.map((o) => `the origin ${o.origin}`)
      ].join(', ') + '\n'
    )
  }
}

/** matrix, cooccurrence and ach: the analysis views from the command line. */
export function registerAnalysisCommands(
  program: Command,
  io: CliIo,
  withWorkbench: WithWorkbench
): void {
  filterOptions(
    program
      .command('matrix')
      .description('count passages per tag (rows) and document, source, origin or grade (columns)')
      .addOption(
        new Option('--cols <axis>', 'what the columns are')
          .choices([...MATRIX_AXES])
          .default('documents')
      )
      .option('--json', 'print JSON')
      .option('--csv', 'print CSV')
  ).action(async (o: AnalysisFilter & { cols: MatrixAxis; json?: boolean; csv?: boolean }) => {
    await withWorkbench(true, async (wb) => {
      const q = { cols: o.cols, ...filterOf(o) }
      if (o.json) {
        const m = await wb.codeMatrix(q)
        io.out(
          json({
            rows: m.rows.map((r) => ({ tag: r.tagId, path: r.path })),
            cols: m.cols,
            counts: m.counts
          })
        )
      } else io.out(await wb.analysisTable({ kind: 'matrix', ...q }, o.csv ? 'csv' : 'markdown'))
    })
  })

  filterOptions(
    program
      .command('cooccurrence')
      .description('count how often two tags occur together')
      .addOption(
        new Option(
          '--scope <scope>',
          'together on one highlight, on overlapping ones, or in one paragraph'
        )
          .choices([...COOCCURRENCE_SCOPES])
          .default('highlight')
      )
      .option('--json', 'print JSON')
      .option('--csv', 'print CSV')
  ).action(
    async (o: AnalysisFilter & { scope: CooccurrenceScope; json?: boolean; csv?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const q = { scope: o.scope, ...filterOf(o) }
        if (o.json) {
          const c = await wb.cooccurrence(q)
          const path = new Map(c.tags.map((t) => [t.tagId, t.path]))
          io.out(json(c.pairs.map((p) => ({ a: path.get(p.a), b: path.get(p.b), count: p.count }))))
        } else
          io.out(await wb.analysisTable({ kind: 'cooccurrence', ...q }, o.csv ? 'csv' : 'markdown'))
      })
    }
  )

  const ach = program
    .command('ach')
    .description('analyses of competing hypotheses: hypotheses, evidence, ratings, scores')

  const find = async (wb: Workbench, id: string): Promise<AchAnalysis> =>
    (await wb.getAnalysis(id, {})).analysis

  ach
    .command('list')
    .description('list the analyses, the latest changed first')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const list = await wb.listAnalyses()
        if (o.json) io.out(json(list))
        else if (!list.length) io.out('No analyses yet (workbench ach create TITLE).\n')
        else
          for (const a of list)
            io.out(`${a.id}  ${a.title}  (${a.hypotheses} hypotheses, ${a.evidence} rows)\n`)
      })
    })

  ach
    .command('create')
    .description('start an analysis')
    .argument('<title>')
    .option('--question <q>', 'the question the hypotheses answer')
    .action(async (title: string, o: { question?: string }) => {
      await withWorkbench(false, async (wb) => {
        const { value } = await wb.createAnalysis({
          title,
          ...(o.question ? { question: o.question } : {})
        })
        io.out(`${value.id}\n`)
      })
    })

  ach
    .command('hypothesis')
    .description('add a hypothesis')
    .argument('<achId>')
    .argument('<text>')
    .action(async (id: string, text: string) => {
      await withWorkbench(false, async (wb) => {
        const { value } = await wb.addHypothesis(id, text)
        const hyp = value.hypotheses[value.hypotheses.length - 1]
        io.out(`H${value.hypotheses.length}  ${hyp.id}\n`)
      })
    })

  ach
    .command('evidence')
    .description('add a highlight (--annotation) or a free-text item (--text) as evidence')
    .argument('<achId>')
    .option('--annotation <id>', 'a highlight')
    .option('--text <text>', 'an assumption, an absence of evidence or another item')
    .addOption(
      new Option('--kind <kind>', 'what a free-text item is')
        .choices([...FREE_EVIDENCE_KINDS])
        .default('other')
    )
    .addOption(
      new Option('--relevance <level>', 'low, medium or high').choices(['L', 'M', 'H']).default('M')
    )
    .action(
      async (
        id: string,
        o: { annotation?: string; text?: string; kind: FreeEvidenceKind; relevance: string }
      ) => {
        if (!o.annotation === !o.text)
          throw new WorkbenchError('invalid-argument', 'Give either --annotation ID or --text T.')
        await withWorkbench(false, async (wb) => {
          const relevance = RELEVANCE[o.relevance]
          const { value } = await wb.addEvidence(
            id,
            o.annotation
              ? { annotationId: o.annotation, relevance }
              : { kind: o.kind, text: o.text as string, relevance }
          )
          const row = value.evidence[value.evidence.length - 1]
          io.out(`E${value.evidence.length}  ${row.id}\n`)
        })
      }
    )

  ach
    .command('rate')
    .description('rate how consistent a row of evidence is with a hypothesis')
    .argument('<achId>')
    .argument('<evidence>', 'E1, E2… or an evidence id')
    .argument('<hypothesis>', 'H1, H2… or a hypothesis id')
    .argument('<rating>', `one of ${ACH_RATINGS.join(', ')}, or "none" to clear it`)
    .option('--why <rationale>', 'why')
    .action(async (id: string, e: string, h: string, rating: string, o: { why?: string }) => {
      const r = rating.toUpperCase()
      if (r !== 'NONE' && !(ACH_RATINGS as readonly string[]).includes(r))
        throw new WorkbenchError(
          'invalid-argument',
          `A rating is one of ${ACH_RATINGS.join(', ')} (or none), not “${rating}”.`
        )
      await withWorkbench(false, async (wb) => {
        const a = await find(wb, id)
        const row = pick(a.evidence, e, 'E', 'evidence')
        const hyp = pick(a.hypotheses, h, 'H', 'hypothesis')
        await wb.changeAnalysis(id, {
          type: 'rate',
          evidenceId: row.id,
          hypothesisId: hyp.id,
          cell:
            r === 'NONE' ? null : { rating: r as AchRating, ...(o.why ? { rationale: o.why } : {}) }
        })
      })
    })

  ach
    .command('show')
    .description('show an analysis with its scores, ranking and sensitivity')
    .argument('<achId>')
    .option('--fold-origins', 'count each origin once')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean; foldOrigins?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const v = await wb.getAnalysis(id, { foldOrigins: !!o.foldOrigins })
        if (o.json)
          io.out(
            json({
              ...v.analysis,
              scores: v.result.scores,
              ranking: v.result.ranking,
              rows: v.result.rows,
              diagnosticOrder: v.result.diagnosticOrder,
              sensitivity: v.result.sensitivity,
              foldedOrigins: v.result.foldedOrigins
            })
          )
        else showAnalysis(io, v)
      })
    })

  ach
    .command('export')
    .description('the analysis as a Markdown report (or CSV of every cell)')
    .argument('<achId>')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--csv', 'CSV of every cell')
    .option('--fold-origins', 'count each origin once')
    .action(async (id: string, o: { output?: string; csv?: boolean; foldOrigins?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const text = await wb.analysisReport(id, o.csv ? 'csv' : 'markdown', {
          foldOrigins: !!o.foldOrigins
        })
        if (o.output) {
          await writeFile(o.output, text)
          io.out(`wrote ${o.output}\n`)
        } else io.out(text)
      })
    })
}

import { useState } from 'react'
import type { DerivationLink, LinkTarget } from '../../../shared/reliability'
import { formatCount } from '../format'
import { useDocumentList } from '../hooks/use-workspace'
import { useFetch } from '../hooks/use-fetch'
import { useClient, useCommands } from '../state/app-context'

/** The words a link's shared passages hold, and how many passages, as its evidence says. */
function sharedOf(link: DerivationLink): { passages: number; words: number } | null {
  const e = link.evidence.find((x) => x.kind === 'shared-passages')
  return e && e.kind === 'shared-passages' ? e : null
}

function declaredOf(link: DerivationLink): string | null {
  const e = link.evidence.find((x) => x.kind === 'declared-source')
  return e && e.kind === 'declared-source' ? e.line : null
}

/**
 * A document's derivation links in its details: "Shares 5 passages (46 words) with … — likely
 * derived [Confirm] [Reject]" while proposed, what the analyst decided once decided. Rejected
 * links are listed last, muted, so that a rejection can be reconsidered.
 */
export function DerivationLinks({ docId }: { docId: string }): React.JSX.Element | null {
  const commands = useCommands()
  const client = useClient()
  const titles = new Map(useDocumentList().map((d) => [d.id, d.title]))
  // Worked out from the passages shared now: the library's changes and the decisions refresh it.
  const { data: links } = useFetch(`derivations:${docId}`, ['grades', 'documents'], () =>
    client.call('derivationsOf', docId)
  )
  if (!links) return null
  const order = { proposed: 0, confirmed: 1, rejected: 2 } as const
  const sorted = [...links].sort((a, b) => order[a.status] - order[b.status])
  return (
    <div className="reader-links">
      <dt>Derivation</dt>
      <dd>
        <ul>
          {sorted.map((link) => {
            const other: LinkTarget =
              link.from === docId ? link.to : { kind: 'document', docId: link.from }
            const otherName =
              other.kind === 'document' ? (titles.get(other.docId) ?? 'a document') : other.name
            const shared = sharedOf(link)
            const declared = declaredOf(link)
            const derivedHere = link.from === docId
            const what =
              link.status === 'confirmed'
                ? derivedHere
                  ? 'Derived from'
                  : 'Source of'
                : link.status === 'rejected'
                  ? 'Not derived:'
                  : shared
                    ? `Shares ${formatCount(shared.passages, 'passage')} (${formatCount(shared.words, 'word')}) with`
                    : 'Names its source:'
            return (
              <li key={link.id} className={`link-${link.status}`}>
                {what} <cite>{otherName}</cite>
                {other.kind === 'source' && link.status !== 'proposed' && ' (not imported)'}
                {link.status === 'proposed' && shared && ' — likely derived'}
                {link.status === 'proposed' && declared && !shared && (
                  <span className="link-line"> “{declared}”</span>
                )}
                <span className="link-actions">
                  {link.status !== 'confirmed' && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void commands.decideLink(link.from, link.to, 'confirmed')}
                    >
                      Confirm
                    </button>
                  )}
                  {link.status !== 'rejected' && other.kind === 'document' && (
                    <button
                      type="button"
                      className="link-button"
                      title={
                        derivedHere
                          ? `Confirm that “${otherName}” derives from this document`
                          : `Confirm that this document derives from “${otherName}”`
                      }
                      onClick={() =>
                        void commands.decideLink(
                          derivedHere ? other.docId : docId,
                          { kind: 'document', docId: derivedHere ? docId : link.from },
                          'confirmed'
                        )
                      }
                    >
                      The other way
                    </button>
                  )}
                  {link.status !== 'rejected' && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void commands.decideLink(link.from, link.to, 'rejected')}
                    >
                      Reject
                    </button>
                  )}
                  {other.kind === 'document' && titles.has(other.docId) && (
                    <button
                      type="button"
                      className="link-button"
                      title="Open it beside this one, with the shared passages marked"
                      onClick={() => commands.open(other.docId, true)}
                    >
                      Compare
                    </button>
                  )}
                </span>
              </li>
            )
          })}
        </ul>
        <AddDerivation docId={docId} />
      </dd>
    </div>
  )
}

/** Says what a document derives from when nothing proposed it: a document, or a source never imported. */
function AddDerivation({ docId }: { docId: string }): React.JSX.Element {
  const commands = useCommands()
  const docs = useDocumentList().filter((d) => d.id !== docId)
  const [target, setTarget] = useState('')
  const [name, setName] = useState('')
  const add = (): void => {
    const to: LinkTarget | null = target
      ? { kind: 'document', docId: target }
      : name.trim()
        ? { kind: 'source', name: name.trim() }
        : null
    if (!to) return
    void commands.decideLink(docId, to, 'confirmed').then(() => {
      setTarget('')
      setName('')
    })
  }
  return (
    <details className="add-derivation">
      <summary>Derived from something else…</summary>
      <label className="field">
        A document of the library
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">—</option>
          {docs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        or a source never imported
        <input
          type="text"
          value={name}
          disabled={Boolean(target)}
          placeholder="U.S. Department of State"
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add()
          }}
        />
      </label>
      <button type="button" disabled={!target && !name.trim()} onClick={add}>
        Confirm the derivation
      </button>
    </details>
  )
}

import { sha1 } from './sha1'

/**
 * Name-based UUIDs (RFC 9562 version 5): the same namespace and name give the same UUID on every
 * export, so another tool that imported our project once recognises the same codes, sources and
 * selections when it imports it again.
 */

/** The namespace of every UUID the workbench derives (itself a fixed random UUID). */
export const WORKBENCH_NAMESPACE = '6f1c9b3e-2d4a-4c8e-9a57-0b3e8d2f41a6'

const encoder = new TextEncoder()

const parseUuid = (uuid: string): Uint8Array => {
  const hex = uuid.replace(/[{}-]/g, '')
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`Not a UUID: ${uuid}`)
  const out = new Uint8Array(16)
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

const formatUuid = (b: Uint8Array): string => {
  const hex = Array.from(b.subarray(0, 16), (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export type HashBytes = (bytes: Uint8Array) => Uint8Array

/** The version-5 UUID of `name` in `namespace`. `hash` is SHA-1 unless the caller brings its own. */
export function uuidV5(namespace: string, name: string, hash: HashBytes = sha1): string {
  const ns = parseUuid(namespace)
  const nameBytes = encoder.encode(name)
  const input = new Uint8Array(16 + nameBytes.length)
  input.set(ns)
  input.set(nameBytes, 16)
  const digest = hash(input)
  const bytes = digest.slice(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x50
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  return formatUuid(bytes)
}

/**
 * A GUID maker for one export: `guid(kind, id)` is stable for the same workspace and id. The
 * workspace id, when given, makes the GUIDs of two workspaces differ even where their ids agree.
 */
export function guidMaker(
  workspaceId?: string,
  hash: HashBytes = sha1
): (kind: string, id: string) => string {
  const ns = workspaceId ? uuidV5(WORKBENCH_NAMESPACE, `workspace:${workspaceId}`, hash) : null
  const base = ns ?? WORKBENCH_NAMESPACE
  const cache = new Map<string, string>()
  return (kind, id) => {
    const name = `${kind}:${id}`
    let out = cache.get(name)
    if (out === undefined) {
      out = uuidV5(base, name, hash)
      cache.set(name, out)
    }
    return out
  }
}

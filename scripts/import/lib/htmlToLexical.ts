import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'
import type { SanitizedConfig } from 'payload'

type LexicalNode = { type: string; children?: LexicalNode[]; [key: string]: unknown }
export type LexicalState = { root: LexicalNode }

/**
 * HTML → the Lexical state the article editor stores, with Payload's own converter. The
 * converter wants a JSDOM class and makes a new document per call; a JSDOM window costs about
 * 1 MB that is never given back, so one window is made here and reused: each "new JSDOM(html)"
 * the converter makes only replaces that window's body.
 */
export async function htmlToLexicalConverter(config: SanitizedConfig) {
  const editorConfig = await editorConfigFactory.default({ config })
  const shared = new JSDOM('<!doctype html><html><head></head><body></body></html>')
  class ReusedJSDOM {
    window = shared.window
    constructor(html: string) {
      shared.window.document.body.innerHTML = html
    }
  }
  return (html: string): { state: LexicalState; droppedImages: string[] } => {
    const state = convertHTMLToLexical({
      editorConfig,
      html,
      JSDOM: ReusedJSDOM as unknown as typeof JSDOM,
    }) as unknown as LexicalState
    shared.window.document.body.innerHTML = ''
    const droppedImages: string[] = []
    fixUploads(state.root, droppedImages)
    return { state, droppedImages }
  }
}

/**
 * Imported images carry their media id (data-lexical-upload-id); Payload stores ids as numbers.
 * An image that was not imported would be a "pending upload" that nothing completes: it becomes a
 * link to where it was.
 */
function fixUploads(node: LexicalNode, dropped: string[]) {
  if (!node.children) return
  node.children = node.children.map((child) => {
    if (child.type === 'upload') {
      if (child.value !== undefined && child.value !== null) return { ...child, value: Number(child.value) }
      const src = String((child.pending as { src?: string } | undefined)?.src ?? '')
      dropped.push(src)
      return src ? link(src, src) : textNode('')
    }
    fixUploads(child, dropped)
    return child
  })
}

const textNode = (text: string) => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 })
const link = (url: string, text: string): LexicalNode => ({
  type: 'link',
  children: [textNode(text)],
  direction: 'ltr',
  fields: { linkType: 'custom', newTab: false, url },
  format: '',
  indent: 0,
  version: 3,
})

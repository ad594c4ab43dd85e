import { Fragment } from 'react'

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g
export const UGC_REL = 'nofollow ugc noopener'

/** A comment's text as text: line breaks kept (CSS pre-wrap), bare http(s) URLs linked. */
export function CommentBody({ text }: { text: string }) {
  const parts: React.ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '')
    const start = match.index ?? 0
    parts.push(text.slice(last, start))
    parts.push(
      <a href={url} key={start} rel={UGC_REL}>
        {url}
      </a>,
    )
    last = start + url.length
  }
  parts.push(text.slice(last))
  return (
    <div className="comment-body">
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </div>
  )
}

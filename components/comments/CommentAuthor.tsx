import { isHttpUrl } from '@/lib/comments/rules'
import { UGC_REL } from './CommentBody'

export function CommentAuthor({ name, url }: { name: string | null | undefined; url: string | null | undefined }) {
  const label = name || 'Anonymous'
  return <b className="comment-author">{url && isHttpUrl(url) ? <a href={url} rel={UGC_REL}>{label}</a> : label}</b>
}

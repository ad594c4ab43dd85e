import { describe, expect, it } from 'vitest'

import { localCallbackPath, safeRedirect } from '@/lib/readers/redirect'

const base = 'https://news.example.com'

// F6: the sign-in page's "Back" link and forms keep only paths on this site.
describe('callbackUrl on /signin: only same-origin paths survive', () => {
  it.each([
    ['a plain path', '/articles/hello#respond', '/articles/hello#respond'],
    ['a path with a query', '/page/2?x=1', '/page/2?x=1'],
    ['tab between the slashes (%2F%09%2Fevil.example)', decodeURIComponent('%2F%09%2Fevil.example'), '/'],
    ['carriage return between the slashes', '/\r/evil.example', '/'],
    ['line feed between the slashes', '/\n/evil.example', '/'],
    ['protocol-relative //evil', '//evil.example/x', '/'],
    ['backslash /\\evil', '/\\evil.example', '/'],
    ['backslash and tab /\\t\\evil', '/\t\\evil.example', '/'],
    ['absolute https://evil', 'https://evil.example/', '/'],
    ['javascript:', 'javascript:alert(1)', '/'],
    ['empty', '', '/'],
    ['this site, absolute', `${base}/articles/x`, '/'],
    ['a tab inside an ordinary path is dropped the way a browser drops it', '/arti\tcles/x', '/articles/x'],
  ])('%s', (_name, value, expected) => {
    expect(localCallbackPath(value, base)).toBe(expected)
  })

  it('what survives resolves to this origin, as a browser would resolve it', () => {
    for (const value of ['/%09/evil.example', '/articles/a?b=c#d', decodeURIComponent('%2F%0D%2Fevil.example')]) {
      expect(new URL(localCallbackPath(value, base), base).origin).toBe(base)
    }
  })

  it('next-auth redirects stay on the origin too', () => {
    expect(safeRedirect('/\t/evil.example', base)).toBe(base)
    expect(safeRedirect('/articles/x', base)).toBe(`${base}/articles/x`)
  })
})

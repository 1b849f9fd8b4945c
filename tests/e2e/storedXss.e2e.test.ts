import { isDeepStrictEqual } from 'node:util'

import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'

import { eventually, signInToAdmin } from '../helpers/adminSession'
import { startApp, type AppProcess } from '../helpers/appProcess'
import { launchBrowser } from '../helpers/browser'

/**
 * The standing stored-XSS suite. Every payload below tries to call `window.__xss('<id>')` (or to
 * open a dialog, or to fetch `/xss-beacon/<id>`). Readers submit them as comment name, website
 * and body; staff save them as post titles, excerpts, body text and link URLs; then Chromium
 * loads every page that shows them with a hook installed before any page script. Nothing may
 * run, and no attribute that could run or load something may carry a payload: that second check
 * finds markup that escaped escaping even where the content security policy stops it running.
 *
 * A control page (a fake origin that puts each payload in raw) proves that each payload with a
 * trigger does run when a page is careless, so a quiet run means the app escaped it.
 */

declare global {
  interface Window {
    __xss?: (id: unknown) => void
    __xssCalls?: string[]
    __xssReport?: (id: string) => Promise<void>
  }
}

const PASSWORD = 'e2e-stored-xss-password'
const SETTLE_MS = 400
const PARALLEL_PAGES = 3

// ---------------------------------------------------------------------------------------------
// Payloads

/**
 * Where a payload runs when a careless page puts it in raw: as markup in an element, inside a
 * quoted attribute value, as a clicked link's href, or as an iframe's src. `none`: inert in
 * Chromium even raw (other browsers, other parsers, or a later decode or normalisation step
 * could make it live), so only the app pages check it.
 */
type Trigger = 'markup' | 'attribute' | 'link' | 'frame' | 'none'
type Attack = { id: string; note: string; trigger: Trigger; text: string; url: boolean }

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const reversed = (text: string) => [...text].reverse().join('')

/** A payload's description, trigger, and text made from its id and the call that reports it. */
type Source = [note: string, trigger: Trigger, make: (id: string, run: string) => string]

const MARKUP_SOURCES: Source[] = [
  // Script elements
  ['script element', 'markup', (_id, run) => `<script>${run}</script>`],
  ['mixed-case script element', 'markup', (_id, run) => `<ScRiPt>window.${run}</sCrIpT>`],
  ['script with a data: source', 'markup', (_id, run) => `<script src="data:,${run}"></script>`],
  ['breaks out of an inline script', 'markup', (_id, run) => `</script><script>${run}</script>`],
  [
    'line separators inside a script',
    'markup',
    (_id, run) => `<script>\u2028${run}\u2029</script>`,
  ],
  [
    'nested for strip-once filters',
    'none',
    (_id, run) => `<scr<script>ipt>${run}</scr</script>ipt>`,
  ],
  ['unclosed script element', 'none', (_id, run) => `<script>${run};//`],
  ['SVG script element', 'markup', (_id, run) => `<svg><script>${run}</script></svg>`],
  // Event handlers
  ['img onerror', 'markup', (_id, run) => `<img src=x onerror=${run}>`],
  ['mixed-case tag and handler', 'markup', (_id, run) => `<IMG SRC=x OnErRoR=${run}>`],
  ['slashes instead of spaces', 'markup', (_id, run) => `<img/src="x"/onerror=${run}>`],
  [
    'handler as decimal entities',
    'markup',
    (id) => `<img src=x onerror=&#95;&#95;xss(&#39;${id}&#39;)>`,
  ],
  ['line breaks inside the tag', 'markup', (_id, run) => `<img src=x\nonerror\n=\n${run}>`],
  ['body onload', 'markup', (_id, run) => `<body onload=${run}>`],
  ['svg onload', 'markup', (_id, run) => `<svg onload=${run}>`],
  ['unclosed svg onload', 'markup', (_id, run) => `<svg/onload=${run}//`],
  ['input autofocus onfocus', 'markup', (_id, run) => `<input autofocus onfocus=${run}>`],
  ['details ontoggle', 'markup', (_id, run) => `<details open ontoggle=${run}>`],
  ['video source onerror', 'markup', (_id, run) => `<video><source onerror=${run}></video>`],
  [
    'SVG animate onbegin',
    'markup',
    (_id, run) => `<svg><animate onbegin=${run} attributeName=x dur=1s>`,
  ],
  [
    'iframe srcdoc',
    'markup',
    (_id, run) => `<iframe srcdoc="<script>parent.${run}</script>"></iframe>`,
  ],
  ['iframe javascript: src', 'markup', (_id, run) => `<iframe src="javascript:parent.${run}">`],
  [
    'CSS animation event',
    'markup',
    (_id, run) =>
      `<style>@keyframes xss{}</style><b style="animation-name:xss" onanimationstart=${run}>`,
  ],
  // Breaking out of attributes and raw-text elements
  ['double quote, then a script', 'attribute', (_id, run) => `"><script>${run}</script>`],
  ['single quote, then an img', 'attribute', (_id, run) => `'><img src=x onerror=${run}>`],
  [
    'double quote, autofocus handler',
    'attribute',
    (_id, run) => `" autofocus onfocus="${run}" x="`,
  ],
  [
    'single quote, autofocus handler',
    'attribute',
    (id) => `' autofocus onfocus='__xss("${id}")' x='`,
  ],
  ['closes a textarea', 'markup', (_id, run) => `</textarea><img src=x onerror=${run}>`],
  ['closes the title', 'markup', (_id, run) => `</title><img src=x onerror=${run}>`],
  ['closes a style element', 'markup', (_id, run) => `</style><img src=x onerror=${run}>`],
  ['comment confusion', 'markup', (_id, run) => `<!--<img src="--><img src=x onerror=${run}//">`],
  [
    'noscript confusion',
    'markup',
    (_id, run) => `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  ],
  ['CDATA confusion', 'markup', (_id, run) => `<![CDATA[><img src=x onerror=${run}>]]>`],
  // SVG and MathML
  [
    'SVG foreignObject',
    'markup',
    (_id, run) => `<svg><foreignObject><img src=x onerror=${run}></foreignObject></svg>`,
  ],
  [
    'MathML text integration point',
    'markup',
    (_id, run) => `<math><mtext><img src=x onerror=${run}></mtext></math>`,
  ],
  [
    'MathML namespace confusion (mXSS)',
    'none',
    (_id, run) => `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  ],
  [
    'SVG style breakout',
    'markup',
    (_id, run) => `<svg><style><img src=x onerror=${run}></style></svg>`,
  ],
  [
    'SVG link to javascript: (needs a click)',
    'none',
    (_id, run) => `<svg><a xlink:href="javascript:${run}"><text x="0" y="20">x</text></a></svg>`,
  ],
  // Template-like strings: live only where a client-side template engine reads the page
  ['Angular-style expression', 'none', (id) => `{{constructor.constructor("__xss('${id}')")()}}`],
  ['server template tags', 'none', (_id, run) => `<%= ${run} %> {{{${run}}}} #{${run}}`],
  // Bidirectional overrides and invisible characters
  [
    'right-to-left override showing a reversed script',
    'none',
    (_id, run) => `\u202E${reversed(`<script>${run}</script>`)}`,
  ],
  [
    'bidi override around real markup',
    'markup',
    (_id, run) => `\u202E<img src=x onerror=${run}>\u202C`,
  ],
  ['zero-width space in the tag name', 'none', (_id, run) => `<scr\u200Bipt>${run}</scr\u200Bipt>`],
  [
    'byte order mark as script whitespace',
    'markup',
    (_id, run) => `<img src=x onerror="\uFEFF${run}">`,
  ],
  ['NUL in the tag name', 'none', (_id, run) => `<scr\u0000ipt>${run}</scr\u0000ipt>`],
  // CSS
  [
    'CSS url() beacon in a style attribute',
    'markup',
    (id) => `<div style="background:url('/xss-beacon/${id}')">x</div>`,
  ],
  ['CSS @import beacon', 'markup', (id) => `<style>@import '/xss-beacon/${id}';</style>`],
  ['CSS expression()', 'none', (_id, run) => `<div style="width:expression(${run})">x</div>`],
  [
    'CSS url(javascript:)',
    'none',
    (_id, run) => `<style>*{background:url("javascript:${run}")}</style>`,
  ],
  ['img beacon after a closed paragraph', 'markup', (id) => `</p><img src="/xss-beacon/${id}">`],
  // Other ways in
  [
    'meta refresh to javascript:',
    'none',
    (_id, run) => `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  ],
  ['entity-encoded markup', 'none', (_id, run) => `&lt;img src=x onerror=${run}&gt;`],
  ['fullwidth angle brackets', 'none', (_id, run) => `＜img src=x onerror=${run}＞`],
  ['alert dialog', 'markup', (id) => `<img src=x onerror=alert('${id}')>`],
  ['confirm dialog', 'markup', (id) => `<svg onload=confirm('${id}')>`],
  ['eval of base64', 'markup', (_id, run) => `<img src=x onerror=eval(atob('${b64(run)}'))>`],
]

/** Payloads that are (or pose as) addresses: also tried as website and post link URLs. */
const URL_SOURCES: Source[] = [
  ['javascript: URL', 'link', (_id, run) => `javascript:${run}`],
  ['mixed-case javascript: URL', 'link', (_id, run) => `JaVaScRiPt:${run}`],
  ['javascript: after spaces', 'link', (_id, run) => `  javascript:${run}`],
  ['javascript: with tabs', 'link', (_id, run) => `\tjava\tscript:${run}`],
  ['javascript: with a line break', 'link', (_id, run) => `java\nscript:${run}`],
  ['javascript: after a control character', 'link', (_id, run) => `\u0001javascript:${run}`],
  ['javascript: with an entity j', 'link', (_id, run) => `&#106;avascript:${run}`],
  [
    'javascript: as hex entities without semicolons',
    'link',
    (_id, run) => `&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A${run}`,
  ],
  ['javascript&colon;', 'link', (_id, run) => `javascript&colon;${run}`],
  ['percent-encoded javascript: code', 'link', (id) => `javascript:%5F%5Fxss('${id}')`],
  ['javascript: posing as a host', 'link', (_id, run) => `javascript://example.gov/%0A${run}`],
  ['data: HTML', 'frame', (_id, run) => `data:text/html,<script>${run}</script>`],
  [
    'base64 data: HTML',
    'frame',
    (_id, run) => `data:text/html;base64,${b64(`<script>${run}</script>`)}`,
  ],
  [
    'mixed-case data: SVG',
    'frame',
    (_id, run) => `DaTa:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${run}"/>`,
  ],
  ['vbscript: URL', 'none', (_id, run) => `vbscript:${run}`],
  ['javascript: split by a zero-width space', 'none', (_id, run) => `java\u200Bscript:${run}`],
  [
    'http URL breaking out of its attribute',
    'attribute',
    (_id, run) => `https://example.gov/" autofocus onfocus="${run}" x="`,
  ],
  [
    'http URL closing its tag',
    'markup',
    (_id, run) => `https://example.gov/'><img src=x onerror=${run}>`,
  ],
  [
    'http URL closing a script',
    'markup',
    (_id, run) => `https://example.gov/?q=</script><script>${run}</script>`,
  ],
]

const ATTACKS: Attack[] = [
  ...MARKUP_SOURCES.map((source) => ({ source, url: false })),
  ...URL_SOURCES.map((source) => ({ source, url: true })),
].map(({ source: [note, trigger, make], url }, index) => {
  // All ids have the same length, so that none is part of another.
  const id = `x${String(index + 1).padStart(2, '0')}`
  return { id, note, trigger, url, text: make(id, `__xss('${id}')`) }
})

const isWebAddress = (protocol: string) => protocol === 'http:' || protocol === 'https:'
/** Where links lead and how they open, read in the page. */
type LinkTarget = { protocol: string; href: string; target: string }
const linkTargets = (links: Element[]): LinkTarget[] =>
  links.map((link) => {
    const { protocol, href, target } = link as HTMLAnchorElement
    return { protocol, href, target }
  })
/**
 * Says yes to a link that is not http(s) (such a link leads to an address, and the tests talk to
 * loopback only), once for each address and way of opening it (same tab, new tab).
 */
function firstClicks(): (link: LinkTarget) => boolean {
  const clicked = new Set<string>()
  return ({ protocol, href, target }) => {
    const key = `${target} ${href}`
    if (isWebAddress(protocol) || clicked.has(key)) return false
    clicked.add(key)
    return true
  }
}
/** What a browser takes for a javascript: or data: URL (WHATWG parsing drops blanks and tabs). */
const isScriptOrDataUrl = (text: string) =>
  URL.canParse(text) && ['javascript:', 'data:'].includes(new URL(text).protocol)

/** Payloads in order, grouped so that each group, joined by spaces, fits in `max` characters. */
function packed(attacks: Attack[], max: number): Attack[][] {
  const groups: Attack[][] = [[]]
  for (const attack of attacks) {
    if (attack.text.length > max) throw new Error(`${attack.id} is longer than ${max}`)
    const last = groups[groups.length - 1]
    if (joined([...last, attack]).length > max) groups.push([attack])
    else last.push(attack)
  }
  return groups
}
const joined = (group: Attack[]) => group.map((attack) => attack.text).join(' ')

/**
 * Text as compared with what a page shows: blanks vary with layout, the rest must not. (Feeds
 * drop the control characters XML cannot carry; an HTML parser drops NUL or makes it U+FFFD.)
 */
const visible = (text: string) => text.replace(/[\s\u0000-\u001f\u007f-\u009f\ufffd]+/g, '')
/** The text as a one-line input shows it: browsers drop line breaks from an input's value. */
const inInput = (text: string) => text.replace(/[\r\n]/g, '')

// ---------------------------------------------------------------------------------------------
// Watching a browser context

type Sighting = { how: 'call' | 'dialog' | 'beacon'; what: string; where: string }
type Watched = {
  context: BrowserContext
  /** Payloads that ran (or loaded a beacon) in any page or frame of the context. */
  sightings: Sighting[]
  /** Attributes that could run or load something and carry a payload, by page. */
  injected: string[]
  /** Where a page did not show a payload as the text that was stored. */
  differences: { what: string; shown: unknown; stored: unknown }[]
}

/**
 * A browser context in which `window.__xss` exists before any page script, reporting each call
 * (with the frame's address); dialogs and requests to /xss-beacon/ are recorded too.
 */
async function watch(options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext(options)
  const watched: Watched = { context, sightings: [], injected: [], differences: [] }
  await context.exposeBinding('__xssReport', ({ frame }, what: unknown) => {
    watched.sightings.push({ how: 'call', what: String(what), where: frame.url() })
  })
  await context.addInitScript(() => {
    const calls: string[] = []
    window.__xssCalls = calls
    window.__xss = (id: unknown) => {
      calls.push(String(id))
      void window.__xssReport?.(String(id))
    }
  })
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      watched.sightings.push({ how: 'dialog', what: dialog.message(), where: page.url() })
      // The page may already be closing: the dialog goes with it.
      void dialog.dismiss().catch(() => undefined)
    })
  })
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/xss-beacon/')) {
      watched.sightings.push({ how: 'beacon', what: request.url(), where: request.url() })
    }
  })
  return watched
}

/**
 * Runs in the page: attributes that would run or load a payload (event handlers, styles, srcdoc,
 * meta refresh, javascript: URLs, beacon URLs, and data: or vbscript: URLs anywhere but a link's
 * href), inline scripts calling the hook that are not Next's own serialised data, and structured
 * data (JSON-LD) that no longer parses. A data: or
 * vbscript: link is inert: browsers open neither in the page's origin.
 */
function findInjected(): string[] {
  const urlAttributes = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster']
  const found: string[] = []
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = value.toLowerCase()
      if (!lower.includes('xss')) continue
      let live =
        name.startsWith('on') ||
        name === 'style' ||
        name === 'srcdoc' ||
        (name === 'content' && element.hasAttribute('http-equiv'))
      if (urlAttributes.includes(name)) {
        const url = URL.canParse(value, document.baseURI) ? new URL(value, document.baseURI) : null
        const protocol = url?.protocol
        const link = name === 'href' && ['a', 'area'].includes(element.localName)
        live =
          Boolean(url?.pathname.startsWith('/xss-beacon/')) ||
          protocol === 'javascript:' ||
          (!link && (protocol === 'data:' || protocol === 'vbscript:'))
      }
      if (live) found.push(`<${element.localName} ${name}="${value.slice(0, 160)}">`)
    }
  }
  for (const script of Array.from(document.querySelectorAll('script:not([src])'))) {
    const code = script.textContent ?? ''
    // Structured data is not run; it is inert as long as it is still whole JSON (nothing in it
    // closed the element early: a breakout would also show as a script of its own).
    if (script.getAttribute('type') === 'application/ld+json') {
      try {
        JSON.parse(code)
        continue
      } catch {
        found.push(`<script type="application/ld+json">${code.slice(0, 160)}</script>`)
        continue
      }
    }
    if (code.includes('__xss') && !/^\s*\(?self\.__next_f/.test(code)) {
      found.push(`<script>${code.slice(0, 160)}</script>`)
    }
  }
  return found
}

/** Records what findInjected finds in the app's frames of the page (not in error pages). */
async function recordInjected(watched: Watched, page: Page, label: string) {
  for (const frame of page.frames().filter((f) => f.url().startsWith(app.baseUrl))) {
    for (const found of await frame.evaluate(findInjected)) {
      watched.injected.push(`${label}: ${found}`)
    }
  }
}

/**
 * Loads `path` of the app in a new page of the watched context, runs `check` on it, lets late
 * events (autofocus, media errors, animations) fire, records injected attributes, and closes the
 * page with any it opened.
 */
async function visit(watched: Watched, path: string, check?: (page: Page) => Promise<void>) {
  const page = await watched.context.newPage()
  const popups: Page[] = []
  page.on('popup', (popup) => popups.push(popup))
  try {
    const response = await page.goto(`${app.baseUrl}${path}`)
    expect([path, response?.status()]).toEqual([path, 200])
    if (check) await check(page)
    await page.waitForTimeout(SETTLE_MS)
    await recordInjected(watched, page, path)
  } finally {
    for (const popup of popups) await popup.close()
    await page.close()
  }
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>) {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item)
  }
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker))
}

/** Notes where a page shows something else than what was stored (asserted last: see below). */
function compareShown(watched: Watched, what: string, shown: unknown, stored: unknown) {
  if (!isDeepStrictEqual(shown, stored)) watched.differences.push({ what, shown, stored })
}

/** Nothing ran and nothing was injected; then, each payload was shown as the text stored. */
function expectInert(watched: Watched) {
  expect({ sightings: watched.sightings, injected: watched.injected }).toEqual({
    sightings: [],
    injected: [],
  })
  expect(watched.differences).toEqual([])
}

// ---------------------------------------------------------------------------------------------
// The app and its data

type Answer = { status: number; body: any }
type Role = 'admin' | 'editor' | 'moderator'

let app: AppProcess
let browser: Browser
const tokens = {} as Record<Role, string>
const sessions = {} as Record<Role, BrowserContextOptions['storageState']>

async function rest(path: string, { token, json }: { token?: string; json?: unknown } = {}) {
  const res = await fetch(`${app.baseUrl}/api${path}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: {
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null } as Answer
}

const textNode = (text: string) => ({
  type: 'text',
  text,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const element = { direction: 'ltr', format: '', indent: 0, version: 1 }
const paragraph = (...children: object[]) => ({
  ...element,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children,
})
const linkNode = (type: 'link' | 'autolink', url: string, label: string, newTab: boolean) => ({
  ...element,
  type,
  version: type === 'link' ? 3 : 2,
  fields: { url, newTab, linkType: 'custom' },
  children: [textNode(label)],
})
const lexicalRoot = (children: object[]) => ({ root: { ...element, type: 'root', children } })

/** Each payload as a heading, a paragraph, a quote, a list item and a link's text. */
function bodyShowing(group: Attack[]) {
  return lexicalRoot(
    group.flatMap((attack) => [
      { ...element, type: 'heading', tag: 'h2', children: [textNode(attack.text)] },
      paragraph(textNode(attack.text)),
      { ...element, type: 'quote', children: [textNode(attack.text)] },
      {
        ...element,
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        children: [{ ...element, type: 'listitem', value: 1, children: [textNode(attack.text)] }],
      },
      paragraph(
        linkNode(
          'link',
          `https://example.gov/search?q=${encodeURIComponent(attack.text)}`,
          attack.text,
          false,
        ),
      ),
    ]),
  )
}

/** A paragraph with the URL as a link and as an automatic link, one of them opening a new tab. */
function linksTo(attack: Attack, index: number) {
  return paragraph(
    textNode('A link: '),
    linkNode('link', attack.text, `link ${attack.id}`, index % 2 === 1),
    textNode(', an automatic link: '),
    linkNode('autolink', attack.text, `autolink ${attack.id}`, index % 2 === 0),
    textNode('.'),
  )
}

type StoredComment = {
  id: number
  authorName: string
  authorUrl: string | null
  body: string
  parent: number | null
}
type StoredPost = { id: number; slug: string; title: string; excerpt: string; group: Attack[] }
type LinkSave = { attack: Attack; status: number }

const DISCUSSION_SLUG = 'stored-xss-discussion'
const COMMENTS_PER_PAGE = 5
const KEPT_LINKS_SLUG = 'stored-xss-kept-links'
let discussionId: number
let author: { id: number; slug: string; name: string; title: string }
const comments: StoredComment[] = []
const websiteTries: { attack: Attack; status: number; paths: string[] }[] = []
const textPosts: StoredPost[] = []
const linkSaves: LinkSave[] = []
let keptLinksPostId: number | null = null

async function createPost(data: Record<string, unknown>): Promise<Answer> {
  return rest('/posts', {
    token: tokens.editor,
    json: { authors: [author.id], _status: 'published', ...data },
  })
}

async function submitComment(fields: Record<string, unknown>): Promise<Answer> {
  return rest('/comments', { json: { post: discussionId, ...fields } })
}

async function approve(ids: number[]) {
  const res = await rest('/comments/moderate', {
    token: tokens.moderator,
    json: { ids, action: 'approve' },
  })
  expect(res.status).toBe(200)
}

/** A comment as stored (control characters and line breaks in its name already dropped). */
async function storedComment(id: number): Promise<StoredComment> {
  const { body: doc } = await rest(`/comments/${id}?depth=0`, { token: tokens.moderator })
  const { authorName, authorUrl, body, parent } = doc
  return { id, authorName, authorUrl: authorUrl ?? null, body, parent: parent ?? null }
}

/** Every payload as a comment's name and body (packed), and each one alone as a website. */
async function submitComments() {
  const groups = packed(ATTACKS, 245)
  const half = Math.ceil(groups.length / 2)
  const submit = async (group: Attack[], index: number, parent: number | null) => {
    const res = await submitComment({
      authorName: joined(group),
      authorEmail: `reader-${group[0].id}@example.com`,
      // Blank lines make paragraphs, single line breaks <br>: both ways, alternately.
      body: group.map((attack) => attack.text).join(index % 2 ? '\n' : '\n\n'),
      ...(parent === null ? {} : { parent }),
    })
    expect([group[0].id, res.status]).toEqual([group[0].id, 201])
    return res.body.id as number
  }
  const topLevel: number[] = []
  for (const [index, group] of groups.slice(0, half).entries()) {
    topLevel.push(await submit(group, index, null))
  }
  for (const attack of ATTACKS) {
    const res = await submitComment({
      authorName: `Website ${attack.id}`,
      authorEmail: `website-${attack.id}@example.com`,
      authorUrl: attack.text,
      body: `My website is ${attack.id}.`,
    })
    const paths = (res.body?.errors ?? []).map((error: { path?: string }) => error.path ?? '')
    websiteTries.push({ attack, status: res.status, paths })
    if (res.status === 201) topLevel.push(res.body.id)
  }
  await approve(topLevel)
  const replies: number[] = []
  for (const [index, group] of groups.slice(half).entries()) {
    replies.push(await submit(group, index + half, topLevel[index % topLevel.length]))
  }
  await approve(replies)
  for (const id of [...topLevel, ...replies]) comments.push(await storedComment(id))
}

/** Payloads as an author's name and title, post titles, excerpts and bodies, and link URLs. */
async function createStaffContent() {
  // The first payloads as the name, the last ones as the official title.
  const name = joined(packed(ATTACKS, 120)[0])
  const title = joined(packed(ATTACKS.slice().reverse(), 200)[0])
  const made = await rest('/authors', {
    token: tokens.editor,
    json: { name, title, slug: 'stored-xss-author' },
  })
  expect(made.status).toBe(201)
  author = made.body.doc

  const discussion = await createPost({
    title: 'Stored XSS discussion',
    slug: DISCUSSION_SLUG,
    body: lexicalRoot([paragraph(textNode('Comments below.'))]),
  })
  expect(discussion.status).toBe(201)
  discussionId = discussion.body.doc.id

  // Link posts first: the text posts, newer, are the ones the feeds list. One post per URL shows
  // which saves are refused; the links that were kept are then checked together in one more.
  for (const [index, attack] of ATTACKS.filter((a) => a.url).entries()) {
    const res = await createPost({
      title: `Link check ${attack.id}`,
      slug: `stored-xss-link-${attack.id}`,
      body: lexicalRoot([linksTo(attack, index)]),
    })
    expect([attack.id, res.status < 500]).toEqual([attack.id, true])
    linkSaves.push({ attack, status: res.status })
  }
  const kept = linkSaves.filter((save) => save.status === 201)
  if (kept.length) {
    const res = await createPost({
      title: 'Kept links',
      slug: KEPT_LINKS_SLUG,
      body: lexicalRoot(kept.map((save, index) => linksTo(save.attack, index))),
    })
    expect(res.status).toBe(201)
    keptLinksPostId = res.body.doc.id
  }

  for (const [index, group] of packed(ATTACKS, 200).entries()) {
    const slug = `stored-xss-text-${index + 1}`
    const res = await createPost({
      title: joined(group),
      slug,
      excerpt: joined(group),
      body: bodyShowing(group),
    })
    expect([slug, res.status]).toEqual([slug, 201])
    const { id, title, excerpt } = res.body.doc
    textPosts.push({ id, slug, title, excerpt, group })
  }
}

async function signIn(role: Role) {
  const res = await rest('/users/login', {
    json: { email: `${role}@example.gov`, password: PASSWORD },
  })
  tokens[role] = res.body.token
  const page = await signInToAdmin(browser, app.baseUrl, `${role}@example.gov`, PASSWORD)
  sessions[role] = await page.context().storageState()
  await page.close()
}

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp({ DEMO_PASSWORD: PASSWORD }), launchBrowser()])
})
beforeAll(async () => {
  await Promise.all((['admin', 'editor', 'moderator'] as const).map(signIn))
  const settings = await rest('/globals/site-settings', {
    token: tokens.admin,
    json: { floodIntervalSeconds: 0, commentsPerPage: COMMENTS_PER_PAGE },
  })
  expect(settings.status).toBe(200)
  await createStaffContent()
  await submitComments()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

// ---------------------------------------------------------------------------------------------
// Tests

const CONTROL_ORIGIN = 'http://xss-control.test'

/** A careless page: the payload in raw, where its trigger needs it. */
function controlPage({ trigger, text }: Attack): string {
  const body = {
    markup: `<div>${text}</div>`,
    attribute: `<input value="${text}"><input value='${text}'>`,
    link: `<a id="probe" href="${text}">probe</a>`,
    frame: `<iframe src="${text}"></iframe>`,
    none: text,
  }[trigger]
  return `<!doctype html><html><head><meta charset="utf-8"><title>control</title></head><body>${body}</body></html>`
}

describe('the hook', () => {
  it('records a call to window.__xss, a dialog and a beacon, and finds an injected handler, on an app page', async () => {
    const watched = await watch()
    const page = await watched.context.newPage()
    await page.goto(`${app.baseUrl}/archive`)
    await page.evaluate(() => {
      window.__xss?.('probe-call')
      alert('probe-dialog')
      const img = document.createElement('img')
      img.setAttribute('onerror', "__xss('probe-handler')")
      img.src = '/xss-beacon/probe'
      document.body.append(img)
    })
    await eventually('the probes are recorded', async () => watched.sightings.length >= 3)
    // Whether the injected handler itself runs is the page's content security policy's call.
    expect(watched.sightings.map(({ how, what }) => [how, what])).toEqual(
      expect.arrayContaining([
        ['call', 'probe-call'],
        ['dialog', 'probe-dialog'],
        ['beacon', `${app.baseUrl}/xss-beacon/probe`],
      ]),
    )
    expect(await page.evaluate(() => window.__xssCalls)).toContain('probe-call')
    await recordInjected(watched, page, 'probe')
    expect(watched.injected).toEqual([
      `probe: <img onerror="__xss('probe-handler')">`,
      'probe: <img src="/xss-beacon/probe">',
    ])
    await watched.context.close()
  })

  it('sees each payload that has a trigger run when a careless page puts it in raw', async () => {
    const watched = await watch()
    const page = await watched.context.newPage()
    let html = ''
    await page.route(`${CONTROL_ORIGIN}/**`, (route) =>
      route.request().url() === `${CONTROL_ORIGIN}/page`
        ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
        : route.fulfill({ status: 404, body: '' }),
    )
    const silent: string[] = []
    for (const attack of ATTACKS.filter((a) => a.trigger !== 'none')) {
      html = controlPage(attack)
      const seen = () => watched.sightings.some((s) => s.what.includes(attack.id))
      await page.goto(`${CONTROL_ORIGIN}/page`)
      if (attack.trigger === 'link') await page.click('#probe')
      const deadline = Date.now() + 2_000
      while (!seen() && Date.now() < deadline) await page.waitForTimeout(50)
      if (!seen()) silent.push(`${attack.id} (${attack.note})`)
    }
    expect(silent).toEqual([])
    await watched.context.close()
  })
})

describe('reader text: comments', () => {
  it('stores every payload as a name and a body, and as a website only when it is http(s)', () => {
    const groups = packed(ATTACKS, 245).length
    const websites = websiteTries.filter((t) => t.status === 201)
    expect(comments).toHaveLength(groups + websites.length)
    const refused = websiteTries.filter((t) => t.status !== 201)
    expect(refused.map(({ attack, status, paths }) => [attack.id, status, paths])).toEqual(
      refused.map(({ attack }) => [attack.id, 400, ['authorUrl']]),
    )
    const kept = comments.flatMap((c) => (c.authorUrl ? [c.authorUrl] : []))
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.filter((url) => !/^https?:\/\//.test(url))).toEqual([])
  })

  it('runs none on the post page and its comment pages, which show them as text', async () => {
    const watched = await watch()
    const topLevel = comments.filter((c) => c.parent === null).length
    const pages = Array.from({ length: Math.ceil(topLevel / COMMENTS_PER_PAGE) }, (_, i) => i + 1)
    const shown = new Map<number, { author: string; body: string; website: string | null }>()
    await inParallel(pages, (n) =>
      visit(watched, `/posts/${DISCUSSION_SLUG}?comments=${n}`, async (page) => {
        const items = await page.$$eval('li.comment', (elements) =>
          elements.map((li) => ({
            id: Number(li.id.replace('comment-', '')),
            author: li.querySelector(':scope > article .comment-author')?.textContent ?? '',
            website:
              li.querySelector(':scope > article .comment-author a')?.getAttribute('href') ?? null,
            body: Array.from(li.querySelectorAll(':scope > article > p:not(.comment-reply)'))
              .map((p) => (p as HTMLElement).innerText)
              .join('\n'),
          })),
        )
        for (const { id, ...item } of items) shown.set(id, { ...item, body: visible(item.body) })
      }),
    )
    for (const comment of comments) {
      compareShown(watched, `comment ${comment.id}`, shown.get(comment.id), {
        author: comment.authorName,
        body: visible(comment.body),
        website: comment.authorUrl ? new URL(comment.authorUrl).href : null,
      })
    }
    expectInert(watched)
    await watched.context.close()
  })

  it("runs none on each comment's permalink, nor on the reply form it leads to", async () => {
    const watched = await watch()
    await inParallel(comments, (comment) =>
      visit(watched, `/posts/${DISCUSSION_SLUG}/comments/${comment.id}`, async (page) => {
        const what = `permalink of comment ${comment.id}`
        compareShown(watched, what, new URL(page.url()).hash, `#comment-${comment.id}`)
        const author = await page.textContent(`#comment-${comment.id}-author`)
        compareShown(watched, what, author, comment.authorName)
        await page.waitForTimeout(SETTLE_MS)
        await recordInjected(watched, page, what)
        await Promise.all([
          page.waitForURL(/[?&]replyto=/),
          page.click(`#comment-${comment.id} > article .comment-reply a`),
        ])
        const heading = await page.textContent('#respond-heading')
        compareShown(
          watched,
          `reply form for ${comment.id}`,
          heading,
          `Reply to ${comment.authorName}`,
        )
      }),
    )
    expectInert(watched)
    await watched.context.close()
  })

  it('runs none in the moderation view, which shows them as text', async () => {
    const watched = await watch({ storageState: sessions.moderator })
    const shown = new Map<string, { author: string; body: string; website: string }>()
    // Newest first, 20 a page: the suite's comments fill the first pages.
    const pages = Array.from({ length: Math.ceil(comments.length / 20) }, (_, i) => i + 1)
    await inParallel(pages, (n) =>
      visit(watched, `/admin/moderation?status=approved&page=${n}`, async (page) => {
        await page.waitForSelector('article.moderation__comment')
        const cards = await page.$$eval('article.moderation__comment', (articles) =>
          articles.map((article) => {
            const facts = Array.from(article.querySelectorAll('.moderation__facts dt'))
            const website = facts.find((dt) => dt.textContent === 'Website')?.nextElementSibling
            return {
              id: article.getAttribute('aria-labelledby') ?? '',
              author: article.querySelector('.moderation__author')?.textContent ?? '',
              body: article.querySelector('.moderation__body')?.textContent ?? '',
              website: website?.textContent ?? '',
            }
          }),
        )
        for (const { id, ...card } of cards) shown.set(id, card)
      }),
    )
    for (const comment of comments) {
      compareShown(
        watched,
        `card of comment ${comment.id}`,
        shown.get(`moderation-comment-${comment.id}-title`),
        {
          author: comment.authorName,
          body: comment.body,
          website: comment.authorUrl ?? '—',
        },
      )
    }
    expectInert(watched)
    await watched.context.close()
  })

  it("runs none in the admin's comment list, nor on each comment's edit page", async () => {
    const watched = await watch({ storageState: sessions.moderator })
    await visit(watched, '/admin/collections/comments?limit=100', async (page) => {
      await page.waitForSelector('table')
    })
    await inParallel(comments, (comment) =>
      visit(watched, `/admin/collections/comments/${comment.id}`, async (page) => {
        await page.waitForSelector('#field-authorName')
        const fields = {
          authorName: await page.inputValue('#field-authorName'),
          authorUrl: await page.inputValue('#field-authorUrl'),
          body: await page.inputValue('#field-body'),
        }
        compareShown(watched, `edit page of comment ${comment.id}`, fields, {
          authorName: comment.authorName,
          authorUrl: comment.authorUrl ?? '',
          body: comment.body,
        })
      }),
    )
    expectInert(watched)
    await watched.context.close()
  })
})

describe('staff text: posts and authors', () => {
  it('runs none on the pages and feeds showing payload titles, excerpts and bodies', async () => {
    const watched = await watch()
    await inParallel(textPosts, (post) =>
      visit(watched, `/posts/${post.slug}`, async (page) => {
        const body = visible(await page.innerText('.post-body'))
        const shown = {
          title: visible((await page.textContent('h1')) ?? ''),
          excerpt: visible((await page.getAttribute('meta[name="description"]', 'content')) ?? ''),
          missingFromBody: post.group
            .filter((a) => !body.includes(visible(a.text)))
            .map((a) => a.id),
          byline: visible(await page.innerText('.byline')).includes(visible(author.name)),
        }
        compareShown(watched, `/posts/${post.slug}`, shown, {
          title: visible(post.title),
          excerpt: visible(post.excerpt),
          missingFromBody: [],
          byline: true,
        })
      }),
    )
    // The suite's text posts are the newest: the first pages of the home page (ten a page).
    const homePages = Array.from({ length: Math.ceil(textPosts.length / 10) }, (_, i) =>
      i === 0 ? '/' : `/?page=${i + 1}`,
    )
    const listed = new Set<string>()
    await inParallel([...homePages, `/authors/${author.slug}`], (path) =>
      visit(watched, path, async (page) => {
        const titles = await page.$$eval('a[href^="/posts/stored-xss-text-"]', (links) =>
          links.map((link) => link.textContent ?? ''),
        )
        for (const title of titles) listed.add(visible(title))
      }),
    )
    const unlisted = textPosts.filter((post) => !listed.has(visible(post.title)))
    compareShown(
      watched,
      'posts missing from the lists',
      unlisted.map((p) => p.slug),
      [],
    )
    for (const feed of ['/feed.xml', '/feed.atom']) {
      await visit(watched, feed, async (page) => {
        const xml = await (await fetch(`${app.baseUrl}${feed}`)).text()
        const parsed = await page.evaluate((source) => {
          const doc = new DOMParser().parseFromString(source, 'application/xml')
          const live = ['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg']
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            liveElements: live.flatMap((ns) =>
              Array.from(doc.getElementsByTagNameNS(ns, '*')).map((e) => e.localName),
            ),
            titles: Array.from(doc.querySelectorAll('item > title, entry > title')).map(
              (title) => title.textContent ?? '',
            ),
          }
        }, xml)
        // The newest posts, newest first: the suite's text posts, as many as the feed holds.
        const newest = textPosts.slice().reverse().slice(0, parsed.titles.length)
        compareShown(
          watched,
          feed,
          {
            ...parsed,
            titles: parsed.titles.slice(0, newest.length).map(visible),
            enough: newest.length > 5,
          },
          {
            error: null,
            liveElements: [],
            titles: newest.map((post) => visible(post.title)),
            enough: true,
          },
        )
      })
    }
    expectInert(watched)
    await watched.context.close()
  })

  it('runs none in the admin post list, nor on the author and post edit pages', async () => {
    const watched = await watch({ storageState: sessions.editor })
    await visit(watched, '/admin/collections/posts?limit=100', async (page) => {
      await page.waitForSelector('table')
    })
    await visit(watched, `/admin/collections/authors/${author.id}`, async (page) => {
      await page.waitForSelector('#field-name')
      const fields = {
        name: await page.inputValue('#field-name'),
        title: await page.inputValue('#field-title'),
      }
      compareShown(watched, 'author edit page', fields, {
        name: inInput(author.name),
        title: inInput(author.title),
      })
    })
    await inParallel(textPosts, (post) =>
      visit(watched, `/admin/collections/posts/${post.id}`, async (page) => {
        await page.waitForSelector('#field-title')
        await page.waitForSelector('[data-lexical-editor="true"]')
        const fields = {
          title: await page.inputValue('#field-title'),
          excerpt: await page.inputValue('#field-excerpt'),
        }
        compareShown(watched, `edit page of ${post.slug}`, fields, {
          title: inInput(post.title),
          excerpt: post.excerpt,
        })
      }),
    )
    expectInert(watched)
    await watched.context.close()
  })

  it('runs none from a script or data link in a post body, whether its save was refused or kept', async () => {
    const refused = linkSaves.filter((save) => save.status !== 201)
    expect(refused.filter((save) => save.status < 400 || save.status >= 500)).toEqual([])
    if (keptLinksPostId === null) return
    const [reader, editor] = await Promise.all([watch(), watch({ storageState: sessions.editor })])
    const path = `/posts/${KEPT_LINKS_SLUG}`
    await visit(reader, path, async (page) => {
      const firstClick = firstClicks()
      const links = page.locator('.post-body a')
      const found = await links.evaluateAll(linkTargets)
      expect(found).toHaveLength(2 * (linkSaves.length - refused.length))
      for (const [index, link] of found.entries()) {
        if (!firstClick(link)) continue
        await links.nth(index).click()
        // Should a click lead away, the post is loaded again.
        await page.waitForTimeout(100)
        if (page.url() !== `${app.baseUrl}${path}`) await page.goto(`${app.baseUrl}${path}`)
      }
    })
    await visit(editor, `/admin/collections/posts/${keptLinksPostId}`, async (page) => {
      const firstClick = firstClicks()
      const inEditor = page.locator('[data-lexical-editor="true"] a')
      await inEditor.first().waitFor()
      for (let index = 0; index < (await inEditor.count()); index++) {
        // The editor's paragraph lies over its links; a staff member's click still lands, and
        // opens the link preview, whose address opens in a new tab.
        // (A click while the editor is still settling may not open it: click again.)
        const preview = page.locator('.link-editor a')
        for (let attempt = 1; ; attempt++) {
          await inEditor.nth(index).click({ force: true })
          const opened = await preview
            .waitFor({ timeout: 10_000 })
            .then(() => true)
            .catch(() => false)
          if (opened) break
          if (attempt === 3) throw new Error(`the link preview did not open for link ${index}`)
        }
        const [target] = await preview.evaluateAll(linkTargets)
        if (firstClick(target)) await preview.click()
      }
    })
    expectInert(reader)
    expectInert(editor)
    await Promise.all([reader.context.close(), editor.context.close()])
  })
})

// Another change, under way on the server, refuses these saves; until it lands this test fails.
describe('saving a post', () => {
  it('refuses a body linking to a javascript: or data: URL (400)', () => {
    const scriptOrData = linkSaves.filter((save) => isScriptOrDataUrl(save.attack.text))
    expect(scriptOrData.length).toBeGreaterThan(0)
    expect(scriptOrData.map((save) => [save.attack.id, save.attack.text, save.status])).toEqual(
      scriptOrData.map((save) => [save.attack.id, save.attack.text, 400]),
    )
  })
})

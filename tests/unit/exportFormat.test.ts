import { EXPORT_COLUMNS, toCsv, toJson, type ExportRow } from '@/comments/export/exportFormat'

import { parseCsv } from '../helpers/parseCsv'

function row(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    id: 17,
    postId: 3,
    postTitle: 'Clean water, 2026 update',
    postSlug: 'clean-water-2026',
    parentId: null,
    status: 'approved',
    statusReason: null,
    authorName: 'Ada Reader',
    authorEmail: 'ada@example.com',
    authorUrl: null,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    referrer: null,
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-03T03:04:05.000Z',
    body: 'Thanks for the update.',
    spamVerdict: null,
    history: [],
    ...overrides,
  }
}

function cells(csv: string, index = 0): Record<string, string> {
  const [header, ...records] = parseCsv(csv.replace(/^\uFEFF/, ''))
  return Object.fromEntries(header.map((name, column) => [name, records[index][column]]))
}

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and a header of every column, CRLF after each record', () => {
    const csv = toCsv([row()])
    expect(csv.startsWith('\uFEFFid,postId,postTitle,')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(3)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(parseCsv(csv.slice(1))[0]).toEqual([...EXPORT_COLUMNS])
    expect(toCsv([])).toBe(`\uFEFF${EXPORT_COLUMNS.join(',')}\r\n`)
  })

  it('quotes commas, quotes, newlines and CRLF, and leaves plain cells bare', () => {
    const csv = toCsv([
      row({ body: 'He said "no", then left.\nLine two\r\nLine three', authorName: 'Zoë Ñandú 李' }),
    ])
    expect(csv).toContain(',"Clean water, 2026 update",')
    expect(csv).toContain(',"He said ""no"", then left.\nLine two\r\nLine three",')
    expect(csv).toContain(',Zoë Ñandú 李,ada@example.com,')
    expect(cells(csv)).toMatchObject({
      body: 'He said "no", then left.\nLine two\r\nLine three',
      authorName: 'Zoë Ñandú 李',
    })
  })

  it.each([
    '=HYPERLINK("http://evil.example","Click")',
    '+1',
    '-1',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1',
  ])('guards the text cell %j against formula injection', (value) => {
    const parsed = cells(toCsv([row({ body: value, authorName: value, statusReason: value })]))
    expect(parsed.body).toBe(`'${value}`)
    expect(parsed.authorName).toBe(`'${value}`)
    expect(parsed.statusReason).toBe(`'${value}`)
  })

  it('leaves ids and dates untouched by the formula guard', () => {
    const parsed = cells(
      toCsv([
        row({ id: '-5', postId: -3, parentId: '+4', createdAt: '-2026-01-01', updatedAt: '+x' }),
      ]),
    )
    expect(parsed).toMatchObject({
      id: '-5',
      postId: '-3',
      parentId: '+4',
      createdAt: '-2026-01-01',
      updatedAt: '+x',
    })
  })

  it('writes the history as one cell, an entry a line', () => {
    const history = [
      {
        at: '2026-01-02T03:04:05.000Z',
        actor: 'moderator@example.gov',
        action: 'approve',
        from: 'pending',
        to: 'approved',
        reason: 'on topic, civil',
      },
      {
        at: '2026-01-05T00:00:00.000Z',
        actor: 'system',
        action: 'spam-check',
        from: null,
        to: null,
        reason: null,
      },
      {
        at: '2026-01-06T00:00:00.000Z',
        actor: 'editor@example.gov',
        action: 'restore',
        from: null,
        to: 'pending',
        reason: null,
      },
    ]
    expect(cells(toCsv([row({ history })])).history).toBe(
      [
        '2026-01-02T03:04:05.000Z moderator@example.gov approve pending -> approved (on topic, civil)',
        '2026-01-05T00:00:00.000Z system spam-check',
        '2026-01-06T00:00:00.000Z editor@example.gov restore none -> pending',
      ].join('\n'),
    )
    expect(cells(toCsv([row()])).history).toBe('')
  })

  it('round-trips through an RFC 4180 parser', () => {
    const rows = [
      row(),
      row({
        id: 'c-18',
        parentId: 17,
        status: 'spam',
        statusReason: 'link farm',
        authorUrl: 'https://example.com/?a=1,b=2',
        referrer: 'https://blog.example.gov/posts/clean-water-2026#comment-17',
        body: 'Quote: "x"\n\nEmoji 🌊, tabs\tand CRLF\r\nend',
        spamVerdict: 'spam',
        history: [
          {
            at: '2026-01-02T00:00:00.000Z',
            actor: 'akismet',
            action: 'check',
            from: 'pending',
            to: 'spam',
            reason: null,
          },
        ],
      }),
    ]
    const [header, ...records] = parseCsv(toCsv(rows).slice(1))
    const expected = rows.map((input) =>
      EXPORT_COLUMNS.map((column) =>
        column === 'history'
          ? input.history
              .map((h) => `${h.at} ${h.actor} ${h.action} ${h.from} -> ${h.to}`)
              .join('\n')
          : String(input[column] ?? ''),
      ),
    )
    expect(header).toEqual([...EXPORT_COLUMNS])
    expect(records).toEqual(expected)
  })
})

describe('toJson', () => {
  it('wraps the rows with when, which filters and how many', () => {
    const rows = [
      row(),
      row({
        id: 18,
        history: [{ at: 'a', actor: 'b', action: 'c', from: null, to: 'd', reason: 'e' }],
      }),
    ]
    const json = toJson(rows, {
      generatedAt: '2026-02-01T00:00:00.000Z',
      filters: { status: 'approved', post: null },
    })
    expect(JSON.parse(json)).toEqual({
      generatedAt: '2026-02-01T00:00:00.000Z',
      filters: { status: 'approved', post: null },
      count: 2,
      comments: rows,
    })
    expect(Object.keys(JSON.parse(json))).toEqual(['generatedAt', 'filters', 'count', 'comments'])
    expect(json).toContain('\n  "count": 2,\n')
    expect(JSON.parse(toJson([], { generatedAt: 'now', filters: {} }))).toMatchObject({
      count: 0,
      comments: [],
    })
  })
})

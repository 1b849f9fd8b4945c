import { postImportKeys } from '@/import/wxr/importKeys'

describe('postImportKeys', () => {
  it('is the same for a blog at http or https, with or without "www.", in any case', () => {
    const forms = [
      'https://blog.example-agency.gov',
      'http://blog.example-agency.gov/',
      'https://www.blog.example-agency.gov',
      'HTTP://WWW.Blog.Example-Agency.gov//',
    ]
    for (const form of forms) {
      expect(postImportKeys(form, 21).key).toBe('blog.example-agency.gov/?p=21')
    }
  })

  it('keeps the path of a blog in a folder, and tells posts apart by their WordPress id', () => {
    expect(postImportKeys('https://example.gov/news/', 7).key).toBe('example.gov/news/?p=7')
    expect(postImportKeys('https://example.gov/news', 8).key).not.toBe(
      postImportKeys('https://example.gov/news', 7).key,
    )
    expect(postImportKeys('https://example.gov/news', 7).key).not.toBe(
      postImportKeys('https://example.gov/blog', 7).key,
    )
  })

  it('lists the forms the first release stored, so posts it imported are still found', () => {
    const { key, earlier } = postImportKeys('https://blog.example-agency.gov', 21)
    expect(earlier).toEqual(
      expect.arrayContaining([
        'https://blog.example-agency.gov/?p=21',
        'http://blog.example-agency.gov/?p=21',
        'https://www.blog.example-agency.gov/?p=21',
      ]),
    )
    expect(earlier).not.toContain(key)
  })

  it('keeps an address that is no URL as it is', () => {
    expect(postImportKeys('not a url', 3)).toEqual({ key: 'not a url/?p=3', earlier: [] })
  })
})

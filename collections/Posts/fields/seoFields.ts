import type { Field } from 'payload'

/** Search engines show about this many characters of a title and of a description. */
export const SEO_TITLE_MAX = 70
export const SEO_DESCRIPTION_MAX = 160

/**
 * What search results and shared links show, when it should differ from the post's own title,
 * excerpt and featured image; a preview beside them. Our own fields: Payload's SEO plugin is not
 * published for the Payload version we run (every @payloadcms package must be at one version).
 */
export const seoFields: Field[] = [
  {
    name: 'meta',
    label: 'Search and sharing',
    type: 'group',
    fields: [
      {
        name: 'seoPreview',
        type: 'ui',
        admin: { components: { Field: '/admin/SeoPreview/SeoPreview#SeoPreview' } },
      },
      {
        name: 'title',
        label: 'Title in search results',
        type: 'text',
        maxLength: SEO_TITLE_MAX,
        admin: {
          description: `Leave empty to use the post's title. At most ${SEO_TITLE_MAX} characters.`,
        },
      },
      {
        name: 'description',
        label: 'Description in search results',
        type: 'textarea',
        maxLength: SEO_DESCRIPTION_MAX,
        admin: {
          description: `Leave empty to use the excerpt (or the start of the text). At most ${SEO_DESCRIPTION_MAX} characters.`,
        },
      },
      {
        name: 'image',
        label: 'Image for shared links',
        type: 'upload',
        relationTo: 'media',
        admin: { description: 'Leave empty to use the featured image.' },
      },
    ],
  },
]

import type { Endpoint, PayloadRequest } from 'payload'

import { RequestRefused } from '@/api/requestRefused'
import { requireRole } from '@/api/requireRole'
import { checkUploadedExport } from '@/import/wxr/checkUploadedExport'
import { uploadFileName } from '@/import/wxr/saveUploadedExport'
import { startImportRun } from '@/import/wxr/startImportRun'
import { WxrError } from '@/import/wxr/wxrTypes'
import { runtimeOf } from '@/runtime/runtime'

const XML_TYPES = ['application/xml', 'text/xml']

const refuseNonAdmins = (req: PayloadRequest) =>
  requireRole(req, ['admin'], 'import WordPress exports')

/** A file that cannot be imported is the caller's to fix: 400 with the line where reading stopped. */
async function refusingUnreadable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof WxrError) throw new RequestRefused(error.message, 400)
    throw error
  }
}

/**
 * POST /api/posts/import-wxr?mode=check|import[&archive=1][&name=blog.xml], the WordPress export
 * (WXR) as the body, `Content-Type: application/xml` or `text/xml`. Admins only. `check` is a dry
 * run answered with its summary (200 `{ summary, lines }`); `import` reads the file through, then
 * imports it in the background and answers 202 `{ id }` for GET /api/posts/import-wxr/:id.
 */
export const importWxrUpload: Endpoint = {
  path: '/import-wxr',
  method: 'post',
  handler: async (req) => {
    const user = refuseNonAdmins(req)
    const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (!XML_TYPES.includes(type)) {
      throw new RequestRefused(
        'Send the WordPress export as it is, with Content-Type application/xml or text/xml.',
        415,
      )
    }
    const mode = req.searchParams.get('mode')
    if (mode !== 'check' && mode !== 'import') {
      throw new RequestRefused('mode must be "check" or "import"', 400)
    }
    const archive = ['1', 'true'].includes(req.searchParams.get('archive') ?? '')
    const name = uploadFileName(req.searchParams.get('name'))
    if (mode === 'check') {
      const result = await refusingUnreadable(() =>
        checkUploadedExport(req.payload, req.body, { name, archive }),
      )
      return Response.json(result)
    }
    const id = await refusingUnreadable(() =>
      startImportRun(req.payload, req.body, { name, archive, actor: user }),
    )
    return Response.json({ id }, { status: 202 })
  },
}

/** GET /api/posts/import-wxr/:id: an import run's state, progress and, once done, its summary. */
export const importWxrRun: Endpoint = {
  path: '/import-wxr/:id',
  method: 'get',
  handler: (req) => {
    refuseNonAdmins(req)
    const run = runtimeOf(req.payload).imports.get(String(req.routeParams?.id ?? ''))
    if (!run) {
      return Response.json(
        {
          errors: [
            {
              message: 'No such import: this server keeps its last 10 imports until it restarts.',
            },
          ],
        },
        { status: 404 },
      )
    }
    return Response.json(run)
  },
}

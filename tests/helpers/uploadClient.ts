import type { ApiResponse } from './api'

export type UploadFile = { bytes: Uint8Array; type: string; name: string }

const BASE = 'http://localhost:3000'

/**
 * Sends multipart uploads (a `file` part and the other fields as a `_payload` JSON string, as the
 * admin's upload form does) through Payload's REST route handler, in-process like createApiClient.
 */
export async function createUploadClient() {
  const { default: config } = await import('@payload-config')
  const { REST_POST } = await import('@payloadcms/next/routes')
  const post = REST_POST(config)

  return async function upload<T = any>(
    collection: string,
    { token, file, data }: { token?: string; file?: UploadFile; data: Record<string, unknown> },
  ): Promise<ApiResponse<T>> {
    const form = new FormData()
    if (file)
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
    form.append('_payload', JSON.stringify(data))
    const request = new Request(new URL(`/api/${collection}`, BASE), {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `JWT ${token}` } : {},
    })
    const response = await post(request, { params: Promise.resolve({ slug: [collection] }) })
    const text = await response.text()
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    }
  }
}

export type UploadClient = Awaited<ReturnType<typeof createUploadClient>>

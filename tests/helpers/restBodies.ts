/** The shapes of Payload's REST answers, to type ApiClient calls: `api.call<Docs<Post>>(...)`. */
export type Docs<T> = { docs: T[]; totalDocs: number }

/** What a successful create or update answers. */
export type Saved<T> = { doc: T }

/** What a refused or invalid request answers. */
export type Refusal = {
  errors: {
    message: string
    path?: string
    data?: { errors: { path: string; message: string }[] }
  }[]
}

/** What POST /api/comments answers on success. */
export type Submitted = { id: number; status: 'pending' | 'approved'; message: string }

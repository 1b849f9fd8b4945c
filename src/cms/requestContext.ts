/**
 * The flags server code may set in `context` for Payload's hooks. They say who is calling or stop
 * a hook from running twice; they never carry results from one hook to another (the comment
 * pipeline hands its stages typed values, src/comments/submission).
 */
declare module 'payload' {
  interface RequestContext {
    /** Server code writing history (imports, the demo seed): the submission rules do not apply. */
    importing?: boolean
    /** A WordPress import run: it records one audit entry for everything it writes. */
    importRun?: boolean
    /** The create comes from the comment pipeline, which has already decided it. */
    commentSubmissionDecided?: boolean
    /** A job or endpoint acting for the system may change fields readers and staff may not. */
    trustedServerChange?: boolean
    /** The retention purge deletes in bulk and records one entry for the run. */
    purge?: boolean
    /** Why a thread was opened or closed, for the audit trail (the thread endpoint). */
    threadReason?: string | null
  }
}

export {}

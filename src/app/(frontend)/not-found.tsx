import { NotFoundContent } from '@/components/NotFoundContent'

/** Reached only when a page throws `notFound()` outside our server; see src/http/pageStatus.ts. */
export default function NotFound() {
  return <NotFoundContent />
}

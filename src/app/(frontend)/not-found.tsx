import { NotFoundContent } from '@/components/NotFoundContent'

/** Reached only when a page throws `notFound()` outside our server; see src/runtime/responseScope.ts. */
export default function NotFound() {
  return <NotFoundContent />
}

export function NotFoundContent() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        We could not find that page. It may have moved, or the address may be mistyped.{' '}
        <a href="/">Go to the latest posts</a>.
      </p>
    </>
  )
}

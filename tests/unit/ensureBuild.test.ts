import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { buildStaleReason } from '@/build/ensureBuild'

function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-test-'))
  fs.mkdirSync(path.join(root, 'src'))
  fs.writeFileSync(path.join(root, 'src', 'page.tsx'), 'x')
  return root
}

function touch(file: string, secondsAgo: number) {
  const time = new Date(Date.now() - secondsAgo * 1000)
  fs.utimesSync(file, time, time)
}

describe('buildStaleReason', () => {
  it('asks for a build when there is none', () => {
    expect(buildStaleReason(project())).toBe('no production build yet')
  })

  it('accepts a build newer than every source', () => {
    const root = project()
    touch(path.join(root, 'src', 'page.tsx'), 60)
    fs.mkdirSync(path.join(root, '.next'))
    fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'id')
    expect(buildStaleReason(root)).toBeNull()
  })

  it('asks for a new build when a source changed after it', () => {
    const root = project()
    fs.mkdirSync(path.join(root, '.next'))
    fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'id')
    touch(path.join(root, '.next', 'BUILD_ID'), 60)
    expect(buildStaleReason(root)).toBe('sources changed since the last build')
  })
})

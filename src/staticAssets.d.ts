// Types for imported images (`import flag from '…/us_flag_small.png'`). Next writes the same
// reference into next-env.d.ts, which is not committed; tsc in a fresh clone needs it here.
/// <reference types="next/image-types/global" />

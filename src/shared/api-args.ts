import { z } from 'zod'
import type { ApiMethod, ApiSpec } from './api'

const id = z.string().min(1).max(200)

/** Argument schemas, checked by every host before the core sees a call. */
export const apiArgs = {
  getWorkspaceInfo: z.tuple([]),
  listDocuments: z.tuple([]),
  getDocument: z.tuple([id]),
  importFile: z.tuple([
    z.object({ name: z.string().min(1).max(4096), data: z.instanceof(Uint8Array) }).strict()
  ]),
  removeDocument: z.tuple([id]),
  openSampleWorkspace: z.tuple([])
} as const satisfies { [K in ApiMethod]: z.ZodType<Parameters<ApiSpec[K]>> }

import type { api } from '../preload/api';

/** The renderer's view of the platform API, taken from the preload code: no hand-kept copy. */
export type RingtraceApi = typeof api;

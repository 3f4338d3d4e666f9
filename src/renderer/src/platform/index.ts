import type { RingtraceApi } from '../../../shared/api';
import { browserApi } from './browserApi';

declare global {
  interface Window {
    /** Set by the desktop preload; absent in browser mode. */
    readonly ringtrace?: RingtraceApi;
  }
}

/** The desktop API when running in Electron, the browser implementation otherwise. */
export const platform: RingtraceApi = window.ringtrace ?? browserApi;

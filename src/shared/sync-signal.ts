// Background Sync, where the browser has it, is one more trigger (DESIGN.md "Sync protocol"
// 6): the page registers SYNC_TAG after a failed run; when the browser sees a network again
// it wakes the service worker, which tells open pages SYNC_MESSAGE and they sync. The data
// itself never goes through the service worker.
export const SYNC_TAG = 'walkaround-sync';
export const SYNC_MESSAGE = 'walkaround:sync';

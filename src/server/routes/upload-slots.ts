// How many blob uploads the server takes at once: a few per tablet (its upload lanes) and a
// ceiling for the whole server. An upload over either bound is refused at once (429), before
// its body is read; the tablet keeps the bytes and sends them again after a short wait.

/** Gives a slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

export type SlotRefusal = { full: 'device' | 'server' };

export type UploadSlots = {
  /** A slot for one upload by this device, or which bound is full. */
  tryAcquire(deviceId: string): ReleaseSlot | SlotRefusal;
};

export function createUploadSlots(bounds: { perDevice: number; total: number }): UploadSlots {
  const byDevice = new Map<string, number>();
  let total = 0;
  return {
    tryAcquire(deviceId) {
      const mine = byDevice.get(deviceId) ?? 0;
      if (mine >= bounds.perDevice) return { full: 'device' };
      if (total >= bounds.total) return { full: 'server' };
      byDevice.set(deviceId, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (byDevice.get(deviceId) ?? 1) - 1;
        // Deleted at zero, so the map holds only devices uploading right now.
        if (left > 0) byDevice.set(deviceId, left);
        else byDevice.delete(deviceId);
      };
    },
  };
}

// Sync under faults with the photos in S3-compatible object storage (s3rver on loopback): the
// server is SIGKILLed mid-upload and mid-push as in sync-faults.test.ts, and the bucket is
// checked instead of the folder. Fewer seeds by default; FAULT_SEEDS and FAULT_SEED apply.
import { defineSyncFaultSuite, faultSeeds } from './sync-faults-suite.ts';

defineSyncFaultSuite('s3', faultSeeds(4));

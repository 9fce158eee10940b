// Sync under faults for a dealer group: the records in PostgreSQL (a database of this file's
// own) and the photos in S3 (s3rver on loopback), served by three server processes at once
// behind the fault proxy, which sends each request to one of them at random; a kill hits one
// and the others serve on. Few seeds here, as CI's time is short; `npm run soak -- --seeds N
// --postgres` runs many. FAULT_SEEDS and FAULT_SEED apply.
import { defineSyncFaultSuite, faultSeeds } from './sync-faults-suite.ts';

defineSyncFaultSuite('s3', faultSeeds(3), { records: 'postgres', processes: 3 });

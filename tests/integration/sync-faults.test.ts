// Sync under faults with the photos in the data folder: the suite is sync-faults-suite.ts.
// FAULT_SEEDS=40 runs seeds 1..40; FAULT_SEED=17 reruns seed 17 alone.
import { defineSyncFaultSuite, faultSeeds } from './sync-faults-suite.ts';

defineSyncFaultSuite('folder', faultSeeds(12));

/**
 * Entry of the long-read worker thread (bundled by scripts/build.mjs beside the code that starts
 * it; run from source under tsx in tests and benchmarks). See long-reads.ts.
 */
import { serveLongReads } from './long-read-serve';

serveLongReads();

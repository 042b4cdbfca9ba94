/** Moved to the repositories (db/): kept here for the callers that import it from support. */
export { executePrepared } from '../../../db/repositories/prepared.ts';

// autocannon's open-loop option, which bench/autocannon.d.ts does not declare (merged into it)
declare module 'autocannon' {
  export interface Options {
    /** requests per second across all connections: an open loop at a fixed rate */
    overallRate?: number;
  }
}

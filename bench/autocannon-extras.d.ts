// Parts of autocannon's API the Slack ack bench uses that bench/autocannon.d.ts does not declare
// (merged into its declarations).
declare module 'autocannon' {
  export interface Options {
    /** requests per second across all connections: an open loop at a fixed rate */
    overallRate?: number;
  }
  export interface Histogram {
    /** in `requests` only: how many were sent, including those unanswered when the load ended */
    sent?: number;
  }
}

/** A TCP port free on the loopback interface right now (for test and bench servers). */
export function freePort(): Promise<number>;

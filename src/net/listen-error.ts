/** Listen failures a person can fix by changing a variable, with what to tell them. */
const CAUSES: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is already in use (choose another, or stop what is using it)',
  EADDRNOTAVAIL: 'the address is not one of this machine’s interfaces',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (DNS not answering)',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EAFNOSUPPORT: 'the address family is not supported here',
};

/**
 * One line for a failed `listen`, naming the variables (or flags) that chose the address (a host
 * without `hostName` is fixed, not configurable), or
 * undefined when `error` is not a listen failure (then it is a bug and keeps its stack).
 */
export function describeListenError(
  error: unknown,
  where: { host: string; port: number; hostName?: string; portName: string },
): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(code in CAUSES)) return undefined;
  const host = where.hostName ? `${where.hostName}=${where.host}` : where.host;
  return `Cannot listen on ${host} ${where.portName}=${where.port}: ${CAUSES[code]} (${code})`;
}

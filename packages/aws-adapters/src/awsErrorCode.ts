/**
 * The code an AWS error carries (`AccessDenied`, `InvalidRequest`,
 * `NoSuchBucket`...: the SDK puts the service's code in `name`), or the
 * error's class name for client-side failures such as timeouts.
 *
 * @example
 * awsErrorCode(error); // 'AccessDenied'
 */
const awsErrorCode = (error: unknown): string => {
  if (error instanceof Error) {
    const code = (error as { Code?: unknown }).Code;
    return typeof code === 'string' && code !== '' ? code : error.name;
  }
  return 'UnknownError';
};

export { awsErrorCode };

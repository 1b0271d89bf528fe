import { endpoint, REGION } from './paths.mjs';

/** Environment for AWS SDK clients / cdklocal talking to this LocalStack. */
function clientEnv(base = process.env) {
  return {
    ...base,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
}

export { clientEnv };

// Which blob store the server runs on, from the environment (README "A dealer group"): S3_BUCKET
// selects S3-compatible object storage, which then needs S3_REGION, S3_ACCESS_KEY_ID and
// S3_SECRET_ACCESS_KEY (S3_ENDPOINT for any store but AWS itself; S3_FORCE_PATH_STYLE=true for
// those that want bucket names in the path, as MinIO and Ceph do). Without S3_BUCKET, and with
// no other S3_ variable set, the photos stay in the data folder.
export type S3Config = {
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

export class S3ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'S3ConfigError';
  }
}

const REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
const ALL = ['S3_ENDPOINT', ...REQUIRED, 'S3_FORCE_PATH_STYLE'] as const;

/** The S3 settings, null when none is set; throws S3ConfigError naming what is missing or wrong. */
export function s3ConfigFrom(env: Record<string, string | undefined>): S3Config | null {
  const given = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  if (ALL.every((name) => given(name) === undefined)) return null;
  const missing = REQUIRED.filter((name) => given(name) === undefined);
  if (missing.length > 0) {
    throw new S3ConfigError(
      `Photo storage in S3 needs ${REQUIRED.join(', ')}; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        'Set them all, or none of the S3_ variables to keep photos in the data folder.',
    );
  }
  const endpoint = given('S3_ENDPOINT') ?? null;
  if (endpoint !== null && !/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    throw new S3ConfigError(`S3_ENDPOINT must be an http:// or https:// address, such as https://oss-cn-shenzhen.aliyuncs.com; it is ${JSON.stringify(endpoint)}.`);
  }
  const pathStyle = (given('S3_FORCE_PATH_STYLE') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(pathStyle)) {
    throw new S3ConfigError(`S3_FORCE_PATH_STYLE is true or false; it is ${JSON.stringify(env.S3_FORCE_PATH_STYLE)}.`);
  }
  return {
    endpoint,
    bucket: given('S3_BUCKET') as string,
    region: given('S3_REGION') as string,
    accessKeyId: given('S3_ACCESS_KEY_ID') as string,
    secretAccessKey: given('S3_SECRET_ACCESS_KEY') as string,
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
  };
}

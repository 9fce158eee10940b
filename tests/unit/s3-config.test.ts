// Which photo storage the S3_ variables select, and the messages for settings half made.
import { describe, expect, it } from 'vitest';
import { s3ConfigFrom, S3ConfigError } from '../../src/server/blobs/s3-config.ts';

const complete = {
  S3_ENDPOINT: 'https://oss-cn-shenzhen.aliyuncs.com',
  S3_BUCKET: 'walkaround-photos',
  S3_REGION: 'oss-cn-shenzhen',
  S3_ACCESS_KEY_ID: 'key-id',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('s3ConfigFrom', () => {
  it('keeps the photos in the data folder when no S3_ variable is set (or all are empty)', () => {
    expect(s3ConfigFrom({})).toBeNull();
    expect(s3ConfigFrom({ PATH: '/usr/bin', S3_BUCKET: '  ', S3_ENDPOINT: '' })).toBeNull();
  });

  it('selects S3 with the bucket, region and keys, path style off unless asked for', () => {
    expect(s3ConfigFrom(complete)).toEqual({
      endpoint: 'https://oss-cn-shenzhen.aliyuncs.com',
      bucket: 'walkaround-photos',
      region: 'oss-cn-shenzhen',
      accessKeyId: 'key-id',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
    expect(s3ConfigFrom({ ...complete, S3_FORCE_PATH_STYLE: 'true' })?.forcePathStyle).toBe(true);
    expect(s3ConfigFrom({ ...complete, S3_FORCE_PATH_STYLE: '1' })?.forcePathStyle).toBe(true);
    // AWS itself needs no endpoint.
    expect(s3ConfigFrom({ ...complete, S3_ENDPOINT: undefined })?.endpoint).toBeNull();
  });

  it('names every missing variable when the settings are half made', () => {
    expect(() => s3ConfigFrom({ S3_ENDPOINT: complete.S3_ENDPOINT })).toThrow(
      'Photo storage in S3 needs S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY; S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are not set.',
    );
    expect(() => s3ConfigFrom({ ...complete, S3_SECRET_ACCESS_KEY: '' })).toThrow(/; S3_SECRET_ACCESS_KEY is not set\. Set them all, or none/);
    expect(() => s3ConfigFrom({ ...complete, S3_SECRET_ACCESS_KEY: '' })).toThrow(S3ConfigError);
  });

  it('refuses an endpoint that is not an http(s) address, and a path style that is not true or false', () => {
    expect(() => s3ConfigFrom({ ...complete, S3_ENDPOINT: 'oss-cn-shenzhen.aliyuncs.com' })).toThrow(/S3_ENDPOINT must be an http:\/\/ or https:\/\/ address/);
    expect(() => s3ConfigFrom({ ...complete, S3_FORCE_PATH_STYLE: 'yes' })).toThrow('S3_FORCE_PATH_STYLE is true or false; it is "yes".');
  });
});

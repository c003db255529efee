// s3rver 3.7 ships no types: the part of its API the tests use.
declare module "s3rver" {
  export default class S3rver {
    constructor(opts: { port?: number; address?: string; silent?: boolean; directory: string });
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

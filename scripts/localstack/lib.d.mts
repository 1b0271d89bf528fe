// Types of the parts of lib.mjs that TypeScript callers (tests, npm start) use.

interface EnsureUpResult {
  /** True when a healthy LocalStack was already listening; callers then leave it running. */
  alreadyRunning: boolean;
  endpoint: string;
  mode?: 'host' | 'docker';
  pid?: number;
}

export declare const endpoint: string;
export declare function ensureUp(options?: { timeoutMs?: number }): Promise<EnsureUpResult>;
export declare function stop(): Promise<{ stopped: boolean }>;
export declare function isHealthy(services?: string[]): Promise<boolean>;

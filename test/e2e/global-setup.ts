import type { TestProject } from 'vitest/node';
import { startPreview } from '../../scripts/lib/preview';

// One `vite preview` of the production build for every browser test (npm test builds first).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const preview = await startPreview();
  project.provide('baseUrl', preview.url);
  return () => preview.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Small steps some route-matrix cases take before their request. */
import type { Client } from './harness.ts';

export async function attach(client: Client, url: string, documentId: string) {
  const response = await client.request('POST', url, { documentId });
  if (response.statusCode !== 201) throw new Error(`attach failed: ${response.statusCode} ${response.body}`);
}

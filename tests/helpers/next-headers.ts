/**
 * A stand-in for `next/headers` outside Next.js, for tests that drive Auth.js or our request
 * helpers: `vi.mock("next/headers", () => import("../../helpers/next-headers"))`, then set
 * `fakeRequest.headers` and `fakeRequest.cookies` as the browser would send them.
 */
export const fakeRequest = { headers: new Headers(), cookies: new Map<string, string>() };

export function resetFakeRequest(): void {
  fakeRequest.headers = new Headers();
  fakeRequest.cookies.clear();
}

export async function headers() {
  return fakeRequest.headers;
}

export async function cookies() {
  const jar = fakeRequest.cookies;
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  };
}

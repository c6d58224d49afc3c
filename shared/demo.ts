/**
 * The demo expo's published sign-in: one password for every demo exhibitor account. Public on
 * purpose (the demo is a showroom and its accounts only edit demo booths); the seed sets it, the
 * login form shows it, tests and benches sign in with it.
 */
export const DEMO_PASSWORD = 'ludao-demo-2025';
export const demoEmail = (companyKey: string): string => `${companyKey}@demo.ludao.example`;

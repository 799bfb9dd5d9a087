// Shared by the bench:wecom load generator (wecom.ts) and its server process (wecom-server.ts).
export const BENCH_ORG = "benchwecom";
export const BENCH_TOKEN = "benchToken123";
export const BENCH_KEY = "kWm0z4PkhEV7b1ZgRfmS6ExSeGybRzwtMnjmx4i9ctC";
export const BENCH_UNITS = 200;

// cluster-key-slot (ioredis' own dependency) ships no types in the version ioredis pins.
declare module "cluster-key-slot" {
  /** The Redis Cluster hash slot (0–16383) of a key, honouring its {hash tag}. */
  export default function calculateSlot(key: string): number;
}

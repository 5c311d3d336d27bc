import { newNodesOnAppend, nodeKeyString, rootFromNodes, rootNodes } from '@mutasi/integrity';

/**
 * The right edge of a Merkle tree being rebuilt leaf by leaf: enough to give the root of every prefix, in memory
 * proportional to log n.
 */
export class MerkleFrontier {
  private nodes = new Map<string, Buffer>();
  size = 0;

  append(leafHash: Buffer): void {
    const lookup = (key: { level: number; index: number }) => this.nodes.get(nodeKeyString(key));
    for (const node of newNodesOnAppend(this.size, leafHash, lookup)) this.nodes.set(nodeKeyString(node.key), node.hash);
    this.size += 1;
    const keep = new Set(rootNodes(this.size).map(nodeKeyString));
    for (const key of this.nodes.keys()) if (!keep.has(key)) this.nodes.delete(key);
  }

  root(): Buffer {
    return rootFromNodes(this.size, (key) => this.nodes.get(nodeKeyString(key)));
  }
}

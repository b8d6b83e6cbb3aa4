/**
 * The final filesystem view of an image, restricted to the paths the checks care about.
 * Layers are applied in order: a layer's whiteouts (`.wh.<name>`, `.wh..wh..opq`) hide what lower
 * layers put there, and any entry replaces what lower layers had at the same path.
 */

export interface ViewNode<T> {
  layer: number;
  /** Present for paths the checks kept; absent for intermediate directories. */
  data?: T;
  children?: Map<string, ViewNode<T>>;
}

export class FsView<T> {
  private readonly root: ViewNode<T> = { layer: -1 };
  private size = 0;

  constructor(
    private readonly maxNodes: number,
    /** Called for every kept node that a later layer removes or replaces. */
    private readonly onRemoved: (path: string, data: T, byLayer: number) => void,
  ) {}

  get count(): number {
    return this.size;
  }

  /** True when the view is full; callers note that later entries were not tracked. */
  get full(): boolean {
    return this.size >= this.maxNodes;
  }

  private lookup(segs: string[]): { parent: ViewNode<T>; node: ViewNode<T> | undefined } | undefined {
    let cur = this.root;
    for (let i = 0; i < segs.length - 1; i++) {
      const next = cur.children?.get(segs[i] ?? '');
      if (!next) return undefined;
      cur = next;
    }
    return { parent: cur, node: cur.children?.get(segs[segs.length - 1] ?? '') };
  }

  private drop(prefix: string, node: ViewNode<T>, byLayer: number, olderThan: number): boolean {
    // Removes what came from layers below `olderThan` under node; returns true when node itself goes.
    if (node.children) {
      for (const [name, child] of node.children) {
        if (this.drop(`${prefix}/${name}`, child, byLayer, olderThan)) node.children.delete(name);
      }
    }
    if (node.layer < olderThan) {
      if (node.data !== undefined) {
        this.onRemoved(prefix, node.data, byLayer);
        node.data = undefined;
        this.size--;
      }
      return !node.children || node.children.size === 0;
    }
    return false;
  }

  /** `.wh.<name>` in `layer`: removes the path and everything below it from lower layers. */
  whiteout(path: string, layer: number): void {
    const segs = path.split('/');
    const hit = this.lookup(segs);
    if (!hit?.node) return;
    if (this.drop(path, hit.node, layer, layer)) hit.parent.children?.delete(segs[segs.length - 1] ?? '');
  }

  /** `.wh..wh..opq` in `dir` in `layer`: hides every child that lower layers put in dir. */
  opaque(dir: string, layer: number): void {
    const node = dir === '' ? this.root : this.lookup(dir.split('/'))?.node;
    if (!node?.children) return;
    for (const [name, child] of node.children) {
      if (this.drop(dir === '' ? name : `${dir}/${name}`, child, layer, layer)) node.children.delete(name);
    }
  }

  /** An entry in `layer` at path: replaces a lower layer's entry there (and, unless both are dirs, its subtree). */
  replace(path: string, layer: number, isDir: boolean): void {
    const segs = path.split('/');
    const hit = this.lookup(segs);
    const node = hit?.node;
    if (!hit || !node || node.layer >= layer) return;
    if (isDir) {
      if (node.data !== undefined) {
        this.onRemoved(path, node.data, layer);
        node.data = undefined;
        this.size--;
      }
      return;
    }
    if (this.drop(path, node, layer, layer)) hit.parent.children?.delete(segs[segs.length - 1] ?? '');
  }

  /** Keeps path with its data (after `replace` was called for the same entry). */
  set(path: string, layer: number, data: T): boolean {
    if (this.size >= this.maxNodes) return false;
    let cur = this.root;
    for (const seg of path.split('/')) {
      cur.children ??= new Map();
      let next = cur.children.get(seg);
      if (!next) {
        next = { layer: -1 };
        cur.children.set(seg, next);
      }
      cur = next;
    }
    if (cur.data === undefined) this.size++;
    cur.layer = layer;
    cur.data = data;
    return true;
  }

  get(path: string): T | undefined {
    return this.lookup(path.split('/'))?.node?.data;
  }

  /** Every kept path with its data, in no particular order. */
  *entries(): Generator<[string, T]> {
    const stack: [string, ViewNode<T>][] = [['', this.root]];
    while (stack.length) {
      const [p, n] = stack.pop() as [string, ViewNode<T>];
      if (n.data !== undefined) yield [p, n.data];
      if (n.children) for (const [name, c] of n.children) stack.push([p === '' ? name : `${p}/${name}`, c]);
    }
  }
}

/**
 * Per-view patch encoding that encodes each visitor's view-only changes once per patch.
 *
 * Colyseus' `Encoder.encodeView` walks every pending filtered change for every view: with 60
 * occupied cells and 300 walking visitors that is 60 x 300 visibility checks (each also adding
 * the invisible ones to a WeakSet) and every visitor's pose encoded once per view that sees it,
 * about nine times. Measured at 300 visitors it was a third of a patch's non-socket time.
 *
 * Here a view's patch is built the same way, in the same order, from the same Colyseus code:
 *   1. the view's own visibility changes (records added to / removed from it) by `encodeView`,
 *      with the pending list hidden from it;
 *   2. for each pending change tree the view can see, in list order, its filtered changes. For
 *      instances of the classes given to the constructor, those bytes are encoded the first time
 *      any view needs them and copied for every other view.
 *
 * Why the copy is exact: a Schema instance's view-only fields are encoded the same for every view
 * that can see it, as long as they carry the default view tag (a custom tag makes the field's
 * filter ask which tags the view holds). The constructor refuses classes with custom tags.
 * Collections are never shared (their filter asks about each child). The only step skipped is
 * Colyseus' bookkeeping of which trees a view could not see, which StateView.add only consults
 * to decide whether to include untagged and default-tagged fields, and it includes those anyway
 * when called with the default tag, as interest.ts does. tests/unit/interestViews.test.ts checks
 * the bytes against `encodeView` over a walking crowd.
 */
import type { Encoder, Schema, StateView } from '@colyseus/schema';

/** Colyseus' tag for a bare `@view()` field. */
const DEFAULT_VIEW_TAG = -1;

/** The parts of @colyseus/schema 3.0 internals used here (pinned in package.json). */
interface Tree {
  ref: object;
  refId: number;
}
interface TreeNode {
  changeTree: Tree;
  next?: TreeNode;
}
interface TreeList {
  next?: TreeNode;
  tail?: TreeNode;
}
interface EncoderInternals {
  root: { filteredChanges: TreeList };
  sharedBuffer: Buffer;
  encode(it: { offset: number }, view: StateView, buffer: Buffer, changeSetName: 'filteredChanges', isEncodeAll: boolean, initialOffset: number): Buffer;
  encodeView(view: StateView, sharedOffset: number, it: { offset: number }): Buffer;
}
interface ViewInternals {
  invisible: WeakSet<object>;
  isChangeTreeVisible(tree: object): boolean;
}

type SchemaClass = abstract new (...args: never[]) => Schema;

export class SharedViewEncoder {
  private readonly shared: ReadonlySet<SchemaClass>;
  /** this patch's encoded filtered changes per shareable tree */
  private readonly chunks = new Map<Tree, Buffer>();
  private readonly one: TreeNode = { changeTree: null as unknown as Tree };
  private readonly single: TreeList = { next: this.one, tail: this.one };
  private readonly empty: TreeList = { next: undefined, tail: undefined };

  constructor(classes: SchemaClass[]) {
    for (const cls of classes) {
      // @colyseus/schema keeps field metadata under Symbol.metadata (polyfilled by it when absent).
      const meta = (cls as unknown as Record<symbol, Record<string, { name: string; tag?: number }> | undefined>)[Symbol.metadata];
      for (const field of Object.values(meta ?? {})) {
        if (field?.tag !== undefined && field.tag !== DEFAULT_VIEW_TAG) {
          throw new Error(`${cls.name}.${field.name} has a custom view tag: its encoding differs per view and cannot be shared`);
        }
      }
    }
    this.shared = new Set(classes);
  }

  /** Like `encoder.encodeView(view, sharedOffset, it)`: the shared bytes followed by this view's. */
  encodeView(encoder: Encoder, view: StateView, sharedOffset: number, it: { offset: number }): Buffer {
    const enc = encoder as unknown as EncoderInternals;
    const v = view as unknown as ViewInternals;
    const root = enc.root;
    const pending = root.filteredChanges;
    const viewOffset = it.offset;
    root.filteredChanges = this.empty;
    try {
      enc.encodeView(view, sharedOffset, it);
    } finally {
      root.filteredChanges = pending;
    }
    for (let node = pending.next; node; node = node.next) {
      const tree = node.changeTree;
      if (!v.isChangeTreeVisible(tree)) {
        if (!this.isShared(tree)) v.invisible.add(tree);
        continue;
      }
      const chunk = this.chunks.get(tree);
      if (chunk !== undefined) {
        this.append(enc, chunk, it);
        continue;
      }
      const start = it.offset;
      this.encodeOne(enc, tree, view, it);
      if (this.isShared(tree)) this.chunks.set(tree, Buffer.from(enc.sharedBuffer.subarray(start, it.offset)));
    }
    const bytes = enc.sharedBuffer;
    return Buffer.concat([bytes.subarray(0, sharedOffset), bytes.subarray(viewOffset, it.offset)]);
  }

  /** Call once every view of a patch is encoded. */
  endPatch(): void {
    this.chunks.clear();
  }

  private isShared(tree: Tree): boolean {
    return this.shared.has(tree.ref.constructor as SchemaClass);
  }

  /** One tree's filtered changes, by Colyseus' own encoder, at `it.offset`. */
  private encodeOne(enc: EncoderInternals, tree: Tree, view: StateView, it: { offset: number }): void {
    const root = enc.root;
    const pending = root.filteredChanges;
    this.one.changeTree = tree;
    root.filteredChanges = this.single;
    try {
      enc.encode(it, view, enc.sharedBuffer, 'filteredChanges', false, it.offset);
    } finally {
      root.filteredChanges = pending;
      this.one.changeTree = null as unknown as Tree;
    }
  }

  private append(enc: EncoderInternals, chunk: Buffer, it: { offset: number }): void {
    makeRoom(enc, it.offset, chunk.length);
    chunk.copy(enc.sharedBuffer, it.offset);
    it.offset += chunk.length;
  }
}

/**
 * Makes `free` bytes available after the first `used` bytes of the encoder's buffer, keeping
 * those (Colyseus reallocates the same way when its own encode runs out).
 */
export function makeRoom(encoder: { sharedBuffer: Buffer }, used: number, free: number): void {
  const buf = encoder.sharedBuffer;
  if (buf.length - used >= free) return;
  const grown = Buffer.allocUnsafe(used + Math.max(2 * free, 64 * 1024));
  buf.copy(grown, 0, 0, used);
  encoder.sharedBuffer = grown;
}

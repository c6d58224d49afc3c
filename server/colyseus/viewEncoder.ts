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
 *      with the pending list hidden from it (skipped for a view without any: it would write nothing);
 *   2. for each pending change tree the view can see, in list order, its filtered changes. For
 *      instances of the classes given to the constructor, those bytes are encoded the first time
 *      any view needs them and copied for every other view.
 * The result is written once, straight into the WebSocket frame every socket of the view gets
 * (framedSend.ts), and a patch allocates nothing else (at 300 visitors the garbage of 60 views and
 * 150 poses a patch, 20 times a second, was what the young-generation collections were made of).
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
import { framed, type Framed } from './framedSend';

/** Colyseus' tag for a bare `@view()` field. */
const DEFAULT_VIEW_TAG = -1;

/** The parts of @colyseus/schema 3.0 internals used here (pinned in package.json). */
interface Tree {
  ref: object;
  refId: number;
  isVisibilitySharedWithParent?: boolean;
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
  visible: WeakSet<object>;
  invisible: WeakSet<object>;
  changes: Map<number, unknown>;
  isChangeTreeVisible(tree: object): boolean;
}

/** One pending change tree of this patch, in list order. */
interface Entry {
  tree: Tree;
  shared: boolean;
  /** its filtered changes' bytes in `chunks` once a view has needed them, else start = -1 */
  start: number;
  end: number;
}

type SchemaClass = abstract new (...args: never[]) => Schema;

export class SharedViewEncoder {
  private readonly shared: ReadonlySet<SchemaClass>;
  /**
   * This patch's pending filtered change trees, read once from the encoder's list at the first view
   * (encoding views changes no list), with which are shareable: every view then walks this array
   * instead of the linked list, and asks which class a tree is once per patch instead of once per view.
   * Entries are kept from patch to patch (only `count` is reset), so a patch allocates none.
   */
  private readonly entries: Entry[] = [];
  private count = -1;
  /** the encoded shareable chunks of this patch, back to back */
  private chunks = Buffer.allocUnsafe(64 * 1024);
  private chunksUsed = 0;
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

  /** Like `encoder.encodeView(view, sharedOffset, it)`: the shared bytes followed by this view's, framed once for every socket. */
  encodeView(encoder: Encoder, view: StateView, sharedOffset: number, it: { offset: number }): Framed {
    const enc = encoder as unknown as EncoderInternals;
    const v = view as unknown as ViewInternals;
    if (this.count < 0) this.collect(enc.root.filteredChanges);
    const viewOffset = it.offset;
    // The view's own visibility changes, by Colyseus with the pending list hidden from it. A view
    // with none (most, in most patches) would only get an empty loop and a copy thrown away.
    if (v.changes.size > 0) {
      const root = enc.root;
      const pending = root.filteredChanges;
      root.filteredChanges = this.empty;
      try {
        enc.encodeView(view, sharedOffset, it);
      } finally {
        root.filteredChanges = pending;
      }
    }
    const visible = v.visible;
    const entries = this.entries;
    for (let i = 0; i < this.count; i++) {
      const e = entries[i];
      const tree = e.tree;
      // v.isChangeTreeVisible(tree), with its common case (a visible set hit or miss) inline
      if (!visible.has(tree) && !(tree.isVisibilitySharedWithParent === true && v.isChangeTreeVisible(tree))) {
        if (!e.shared) v.invisible.add(tree);
        continue;
      }
      if (e.start >= 0) {
        this.append(enc, e, it);
        continue;
      }
      const start = it.offset;
      this.encodeOne(enc, tree, view, it);
      if (e.shared) this.keep(e, enc.sharedBuffer, start, it.offset);
    }
    const bytes = enc.sharedBuffer;
    const out = framed(sharedOffset + it.offset - viewOffset);
    bytes.copy(out.payload, 0, 0, sharedOffset);
    bytes.copy(out.payload, sharedOffset, viewOffset, it.offset);
    return out;
  }

  /** Call once every view of a patch is encoded. */
  endPatch(): void {
    for (let i = 0; i < this.count; i++) this.entries[i].tree = null as unknown as Tree;
    this.count = -1;
    this.chunksUsed = 0;
  }

  private collect(pending: TreeList): void {
    let n = 0;
    for (let node = pending.next; node; node = node.next) {
      const tree = node.changeTree;
      let e = this.entries[n];
      if (!e) this.entries.push((e = { tree, shared: false, start: -1, end: -1 }));
      e.tree = tree;
      e.shared = this.shared.has(tree.ref.constructor as SchemaClass);
      e.start = -1;
      n++;
    }
    this.count = n;
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

  /** Keeps a shareable tree's bytes for the other views of this patch. */
  private keep(e: Entry, from: Buffer, start: number, end: number): void {
    const n = end - start;
    if (this.chunks.length - this.chunksUsed < n) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.chunks.length, this.chunksUsed + n));
      this.chunks.copy(grown, 0, 0, this.chunksUsed);
      this.chunks = grown;
    }
    copyBytes(from, start, end, this.chunks, this.chunksUsed);
    e.start = this.chunksUsed;
    e.end = this.chunksUsed + n;
    this.chunksUsed += n;
  }

  private append(enc: EncoderInternals, e: Entry, it: { offset: number }): void {
    const n = e.end - e.start;
    makeRoom(enc, it.offset, n);
    copyBytes(this.chunks, e.start, e.end, enc.sharedBuffer, it.offset);
    it.offset += n;
  }
}

/**
 * `source[start, end)` to `target` at `at`. A pose's record is a dozen bytes, and Buffer#copy
 * wraps every partial copy in a new Uint8Array view first: for so few bytes a loop is faster and
 * leaves no garbage.
 */
function copyBytes(source: Buffer, start: number, end: number, target: Buffer, at: number): void {
  if (end - start > 64) {
    source.copy(target, at, start, end);
    return;
  }
  for (let i = start; i < end; i++) target[at++] = source[i];
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

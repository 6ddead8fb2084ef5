/** What the queue asks the viewer about a page, at the moment it chooses the next render. */
export interface RenderPriority {
  /** How far the page is from the view (0 = in it); nearer renders first. */
  distance(page: number): number;
  /** The page is (partly) in the view now. */
  visible(page: number): boolean;
  /**
   * A page in the view is not drawn yet and not failed: renders of pages outside the view wait, so
   * pdf.js's one worker spends itself on what the reader is waiting for.
   */
  viewWaiting(): boolean;
}

/**
 * Page renders wait here. Pages in the view run first, two at a time (overlapping one page's drawing
 * on the main thread with the next page's work in the worker); pages outside the view — drawn ahead
 * for scrolling — run one at a time and only once everything in the view is drawn, as pdf.js's own
 * viewer does. A jump or a fast scroll therefore draws what the reader sees before anything else.
 */
export class RenderQueue {
  private readonly waiting = new Map<number, { page: number; run: () => Promise<void> }>();
  private running = 0;
  private nextId = 0;

  constructor(
    private readonly priority: RenderPriority,
    private readonly concurrency = 2,
  ) {}

  /** Queues a render; the returned function drops it if it has not started. */
  enqueue(page: number, run: () => Promise<void>): () => void {
    const id = this.nextId++;
    this.waiting.set(id, { page, run });
    queueMicrotask(() => this.pump());
    return () => {
      this.waiting.delete(id);
    };
  }

  /** Something the choice depends on changed (a page in the view was drawn or failed, the view moved). */
  wake(): void {
    queueMicrotask(() => this.pump());
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.size > 0) {
      let bestId = -1;
      let best = Infinity;
      for (const [id, job] of this.waiting) {
        const d = this.priority.distance(job.page);
        if (d < best) {
          best = d;
          bestId = id;
        }
      }
      const job = this.waiting.get(bestId);
      if (!job) return;
      if (!this.priority.visible(job.page) && (this.running > 0 || this.priority.viewWaiting())) return;
      this.waiting.delete(bestId);
      this.running += 1;
      void job
        .run()
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
  }
}

/**
 * Page renders wait here and run two at a time, the page nearest the view first, so a jump or a
 * fast scroll draws what the reader sees before what they just left.
 */
export class RenderQueue {
  private readonly waiting = new Map<number, { page: number; run: () => Promise<void> }>();
  private running = 0;
  private nextId = 0;

  constructor(
    private readonly distance: (page: number) => number,
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

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.size > 0) {
      let bestId = -1;
      let best = Infinity;
      for (const [id, job] of this.waiting) {
        const d = this.distance(job.page);
        if (d < best) {
          best = d;
          bestId = id;
        }
      }
      const job = this.waiting.get(bestId);
      if (!job) return;
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

/** The bit of a page's <canvas> the viewer specs read in the page (the Node-side tsconfig has no DOM types). */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

import { createContext, useContext } from 'react';
import type { ViewerController } from './viewer-types';

/** Set by `PdfViewer` once the document is loaded; panels and layers read it through `useViewer()`. */
export const ViewerContext = createContext<ViewerController | null>(null);

export function useViewer(): ViewerController {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() is used outside a loaded PdfViewer');
  return viewer;
}

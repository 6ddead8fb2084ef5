import { useEffect, useState } from 'react';
import { type DocumentDownload, onDocumentDownload } from '../api/reading-queries';

/**
 * The latest `documents:download` report of each document in `ids` (one subscription for the
 * reading room). A finished download is forgotten: the document opens and its bar goes away.
 */
export function useDownloads(ids: readonly string[]): ReadonlyMap<string, DocumentDownload> {
  const [downloads, setDownloads] = useState<ReadonlyMap<string, DocumentDownload>>(() => new Map());
  const key = ids.join('\u0000');
  useEffect(() => {
    const wanted = new Set(key.split('\u0000'));
    setDownloads((current) => new Map([...current].filter(([id]) => wanted.has(id))));
    return onDocumentDownload((download) => {
      if (!wanted.has(download.documentId)) return;
      setDownloads((current) => {
        const next = new Map(current);
        if (download.done) next.delete(download.documentId);
        else next.set(download.documentId, download);
        return next;
      });
    });
  }, [key]);
  return downloads;
}

export { decisionFileName, docxExport, type CourtDocument } from './court-document.js';
export { COURT_STYLES, PAGE, renderCourtDocx } from './render-docx.js';

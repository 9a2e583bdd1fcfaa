// Entry of dist/pdf.js, the lazily loaded PDF bundle: pdfjs, its worker and the layout code.
export { extractPdf } from './engine';

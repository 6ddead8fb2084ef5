// Texts of the case file's private note and decisions sections; keys start with 'caseFile.'
// (merged into et.ts and en.ts beside the core case-file texts).
export const etCaseFile = {
  'caseFile.note.label': 'Minu märge — näed ainult sina',
  'caseFile.note.status.loading': 'Laadin märget…',
  'caseFile.note.status.loadFailed': 'Märget ei õnnestunud laadida.',
  'caseFile.note.status.empty': 'Märget pole. Kirjutatu salvestub selles arvutis iseenesest.',
  'caseFile.note.status.saving': 'Salvestan…',
  'caseFile.note.status.unsent': 'Salvestatud sellesse arvutisse, ootab registrisse saatmist',
  'caseFile.note.status.sent': 'Salvestatud ja registrisse saadetud',
  'caseFile.note.status.failed':
    'Märget ei õnnestunud salvestada. Tekst on väljal alles; proovi uuesti või jätka kirjutamist.',
  'caseFile.note.status.tooLong': 'Märge on liiga pikk ja seda ei salvestata. Lühenda teksti.',
  'caseFile.note.counter': '{count} / {max} märki',
  'caseFile.note.conflict':
    'Seda märget muudeti ka mujal. Mõlemad tekstid on alles: vali olekuribal „Sünkroonimise probleemid“ all, kumb jääb.',
  'caseFile.decisions.title': 'Lahendid',
  'caseFile.decisions.empty': 'Lahendeid pole veel tehtud.',
  'caseFile.decisions.documents': 'Lahendite dokumendid',
  'caseFile.decisions.steps': 'Lahendi tegemise kanded',
  'caseFile.decisions.kindColumn': 'Liik',
  'caseFile.decisions.kind.judgment': 'kohtuotsus',
  'caseFile.decisions.kind.ruling': 'kohtumäärus',
  'caseFile.decisions.kind.decision': 'otsus',
  'caseFile.decisions.kind.order': 'korraldus',
  'caseFile.documents.actions': 'Toimingud',
  'caseFile.documents.openBeside': 'Ava kõrvale',
  'caseFile.documents.openBesideLabel': 'Ava kõrvale: {number} {title}',
} as const;

export const enCaseFile: Readonly<Record<keyof typeof etCaseFile, string>> = {
  'caseFile.note.label': 'My note — only you can see it',
  'caseFile.note.status.loading': 'Loading the note…',
  'caseFile.note.status.loadFailed': 'The note could not be loaded.',
  'caseFile.note.status.empty': 'No note yet. What you write is saved on this computer as you type.',
  'caseFile.note.status.saving': 'Saving…',
  'caseFile.note.status.unsent': 'Saved on this computer, waiting to be sent to the register',
  'caseFile.note.status.sent': 'Saved and sent to the register',
  'caseFile.note.status.failed':
    'The note could not be saved. Your text is still in the field; try again or keep writing.',
  'caseFile.note.status.tooLong': 'The note is too long and is not saved. Shorten the text.',
  'caseFile.note.counter': '{count} / {max} characters',
  'caseFile.note.conflict':
    'This note was also changed elsewhere. Both texts are kept: choose which one stays under “Sync problems” in the status bar.',
  'caseFile.decisions.title': 'Decisions',
  'caseFile.decisions.empty': 'No decisions have been made yet.',
  'caseFile.decisions.documents': 'Decision documents',
  'caseFile.decisions.steps': 'Decisions entered in the proceedings',
  'caseFile.decisions.kindColumn': 'Kind',
  'caseFile.decisions.kind.judgment': 'judgment',
  'caseFile.decisions.kind.ruling': 'ruling',
  'caseFile.decisions.kind.decision': 'decision',
  'caseFile.decisions.kind.order': 'order',
  'caseFile.documents.actions': 'Actions',
  'caseFile.documents.openBeside': 'Open beside',
  'caseFile.documents.openBesideLabel': 'Open beside: {number} {title}',
};

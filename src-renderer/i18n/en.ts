import type { Dictionary } from './dictionary';
import type { et } from './et';
import { enAllocation } from './messages/allocation';
import { enCaseFile } from './messages/caseFile';
import { enRegister } from './messages/register';
import { enSearch } from './messages/search';
import { enSettings } from './messages/settings';
import { enWork } from './messages/work';
import { enViewer } from './messages/viewer';
import { enViewerPanels } from './messages/viewerPanels';
import { enReading } from './messages/reading';
import { enDrafting } from './messages/drafting';
import { enDraftingEditor } from './messages/draftingEditor';
import { enMinutes } from './messages/minutes';

type CoreKey = Exclude<
  keyof typeof et,
  | keyof typeof enWork
  | keyof typeof enSearch
  | keyof typeof enRegister
  | keyof typeof enAllocation
  | keyof typeof enSettings
  | keyof typeof enCaseFile
  | keyof typeof enViewer
  | keyof typeof enViewerPanels
  | keyof typeof enReading
  | keyof typeof enDrafting
  | keyof typeof enDraftingEditor
  | keyof typeof enMinutes
>;

const enCore: Readonly<Record<CoreKey, string>> = {
  'app.name': 'Chambers',
  'app.loading': 'Loading…',
  'app.hostMissing.title': 'Chambers cannot find its host',
  'app.hostMissing.body':
    'This page works only inside the Chambers desktop app or its browser host. Start Chambers with “npm start” and open the address it prints.',

  'error.invalid_input':
    'The request was not valid. Try again; if it keeps happening, tell the service desk.',
  'error.unauthenticated': 'Your session has ended. Sign in again.',
  'error.forbidden': 'You are not allowed to see this.',
  'error.not_found': 'Not found. It may not be visible to you, or it has not been synced yet.',
  'error.conflict': 'The data changed in the meantime. Reload the view.',
  'error.unavailable': 'The service is not available right now. Try again in a moment.',
  'error.internal':
    'Something went wrong in the app. Try again; if it keeps happening, tell the service desk.',
  'error.details': 'Details: {message}',
  'error.retry': 'Try again',

  'signIn.title': 'Sign in',
  'signIn.intro':
    'Sign in with your ID card. The PIN stays on this computer and is never sent to the register.',
  'signIn.module.title': 'The ID card software was not found',
  'signIn.module.body':
    'Chambers reads the ID card through the ID-software (OpenSC), but could not load it. Install the ID-software, or set the path of the card module in the environment variable CHAMBERS_PKCS11_MODULE, and try again.',
  'signIn.module.path': 'Card module: {path}',
  'signIn.module.error': 'Reason: {message}',
  'signIn.module.retry': 'Try again',
  'signIn.insertCard': 'Insert your ID card into the reader',
  'signIn.insertCard.hint': 'The card appears here by itself once it is in the reader.',
  'signIn.cardsFound.one': '{count} ID card in the reader',
  'signIn.cardsFound.other': '{count} ID cards in the readers',
  'signIn.cards.label': 'Whose card is in the reader?',
  'signIn.card.personalCode': 'personal code {code}',
  'signIn.card.blocked': 'PIN1 is blocked',
  'signIn.pin.label': 'PIN1',
  'signIn.pin.hint': 'PIN1 is 4 to 12 digits. Esc clears the field.',
  'signIn.pin.invalid': 'PIN1 must be 4 to 12 digits, with no spaces or other characters.',
  'signIn.submit': 'Sign in',
  'signIn.checking': 'Checking the certificate…',
  'signIn.ended.card-removed': 'The app was locked because the ID card was removed.',
  'signIn.ended.session-ended': 'Your session has ended; sign in again.',
  'session.offlineUnlock': 'Offline — unlocked with your ID card',

  'signInError.pinTriesLeft.one': 'Wrong PIN. {count} try left.',
  'signInError.pinTriesLeft.other': 'Wrong PIN. {count} tries left.',
  'signInError.pin_incorrect': 'Wrong PIN. Try again.',
  'signInError.pin_blocked':
    'PIN1 is blocked. Unblock it with the PUK code in the ID-software (DigiDoc4), or at a Police and Border Guard Board service point.',
  'signInError.card_not_found': 'The ID card was not found. Check that it is in the reader and try again.',
  'signInError.card_module_unavailable':
    'The ID card software could not be loaded. Install the ID-software (OpenSC), or set the path of the card module in CHAMBERS_PKCS11_MODULE.',
  'signInError.card_error':
    'The ID card could not be read. Take it out of the reader, insert it again and try again.',
  'signInError.keychain_unavailable':
    'The session cannot be kept safely because the system keychain is not available. Sign in to the computer again; if that does not help, contact the service desk.',
  'signInError.offline_not_pinned':
    'This card has not signed in on this computer while online yet: connect to the court network once.',
  'signInError.offline_certificate_mismatch':
    'The card’s certificate is not the one last used online on this computer (a new card?). Connect to the court network and sign in.',
  'signInError.offline_signature_invalid':
    'The card’s answer could not be verified. Try again; if it keeps happening, connect to the court network.',
  'signInError.token_malformed':
    'The card’s answer could not be verified. Try again; if it keeps happening, contact the service desk.',
  'signInError.token_format_unsupported':
    'The card’s answer could not be verified. Try again; if it keeps happening, contact the service desk.',
  'signInError.certificate_malformed': 'The card’s certificate could not be read. Contact the service desk.',
  'signInError.certificate_expired':
    'The certificate of this ID card has expired, so it cannot be used to sign in. Apply for a new card from the Police and Border Guard Board.',
  'signInError.certificate_not_yet_valid':
    'The certificate of this ID card is not valid yet. Check the computer’s date and time, or try again later.',
  'signInError.certificate_untrusted':
    'The register does not trust the issuer of this card’s certificate. Use an Estonian ID card; if this is one, contact the service desk.',
  'signInError.certificate_revoked':
    'The certificate of this card has been revoked, so it cannot be used to sign in. Contact the Police and Border Guard Board.',
  'signInError.certificate_status_unknown':
    'The validity of the card’s certificate could not be confirmed. Try again later; if it keeps happening, contact the service desk.',
  'signInError.certificate_policy_disallowed':
    'This card’s certificate cannot be used to sign in to the court information system. Use your own ID card; if it keeps happening, contact the service desk.',
  'signInError.certificate_not_for_authentication':
    'The card’s certificate is not one for identification. Use your own ID card; if it keeps happening, contact the service desk.',
  'signInError.certificate_missing_client_auth':
    'The card’s certificate is not one for identification. Use your own ID card; if it keeps happening, contact the service desk.',
  'signInError.certificate_missing_digital_signature':
    'The card’s certificate is not one for identification. Use your own ID card; if it keeps happening, contact the service desk.',
  'signInError.certificate_is_signing_certificate':
    'The card answered with its signing certificate instead of the identification one. Try again; if it keeps happening, contact the service desk.',
  'signInError.certificate_subject_invalid':
    'The person could not be identified from the card’s certificate. Contact the service desk.',
  'signInError.ocsp_unavailable':
    'The certificate’s validity could not be checked right now: the validity service did not answer. Try again in a moment.',
  'signInError.ocsp_response_invalid':
    'The certificate’s validity confirmation was invalid. Try again in a moment; if it keeps happening, contact the service desk.',
  'signInError.nonce_unknown': 'The sign-in took too long or was interrupted. Try again.',
  'signInError.nonce_replayed': 'The sign-in took too long or was interrupted. Try again.',
  'signInError.nonce_expired': 'The sign-in took too long or was interrupted. Try again.',
  'signInError.origin_mismatch':
    'The card’s answer could not be verified. Try again; if it keeps happening, contact the service desk.',
  'signInError.algorithm_unsupported':
    'The card’s answer could not be verified. Try again; if it keeps happening, contact the service desk.',
  'signInError.algorithm_mismatch':
    'The card’s answer could not be verified. Try again; if it keeps happening, contact the service desk.',
  'signInError.signature_invalid':
    'The card’s answer could not be verified. Try again; if it keeps happening, contact the service desk.',
  'signInError.user_unknown':
    'There is no user with this personal code in the court information system, or their access is suspended. Contact the head of chancery of your court.',
  'signInError.sign_in_not_configured':
    'Sign-in with the ID card is not set up on the register yet. Contact the service desk.',

  'shell.nav.label': 'Main navigation',
  'shell.nav.cases': 'Cases',
  'shell.nav.work': 'My work',
  'shell.nav.search': 'Search',
  'shell.nav.register': 'Register',
  'shell.nav.allocation': 'Allocation',
  'shell.nav.settings': 'Settings',
  'shell.preferences': 'Preferences',
  'shell.language': 'Language',
  'shell.theme': 'Theme',
  'shell.theme.system': 'As the system',
  'shell.theme.light': 'Light',
  'shell.theme.dark': 'Dark',
  'shell.person': 'Signed-in user',

  'problems.open.one': '{count} sync problem',
  'problems.open.other': '{count} sync problems',
  'problems.title': 'Sync problems',
  'problems.none': 'Nothing left to resolve.',
  'problems.close': 'Close',
  'problems.conflict.title': 'The note was also changed elsewhere',
  'problems.conflict.mine': 'Your text',
  'problems.conflict.theirs': 'The text in the register',
  'problems.conflict.noText': 'The register has no note.',
  'problems.conflict.keepMine': 'Keep my text',
  'problems.conflict.keepTheirs': 'Take the register’s text',
  'problems.failed.title': 'The register refused a change',
  'problems.failed.retry': 'Try again',
  'problems.failed.dismiss': 'Drop the change',
  'status.label': 'Status bar',
  'status.sync': 'Sync status',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.syncing': 'Syncing',
  'status.progress.known': '{done} of {total} cases',
  'status.progress.unknown': '{done} cases',
  'status.pending.one': '{count} change pending',
  'status.pending.other': '{count} changes pending',
  'status.conflicts.one': '{count} conflict to resolve',
  'status.conflicts.other': '{count} conflicts to resolve',
  'status.failed.one': '{count} change refused by the register',
  'status.failed.other': '{count} changes refused by the register',
  'status.cached.one': '{count} case cached',
  'status.cached.other': '{count} cases cached',
  'status.lastSync': 'Last synced {time}',
  'status.neverSynced': 'Not synced yet',
  'status.syncFailed': 'Sync failed: {message}',
  'status.syncNow': 'Sync now',
  'status.signOut': 'Sign out',

  'role.court_president': 'court president',
  'role.judge': 'judge',
  'role.consultant': 'consultant',
  'role.court_session_secretary': 'court session secretary',
  'role.chancery_official': 'chancery official',
  'role.head_of_chancery': 'head of chancery',
  'role.observer': 'observer',
  'role.law_clerk': 'law clerk',
  'role.assistant_judge': 'assistant judge',
  'role.judge_candidate': 'judge candidate',
  'role.adviser': 'adviser',
  'role.analyst': 'analyst',
  'role.specialist': 'specialist',
  'role.interpreter': 'interpreter',
  'role.system_administrator': 'system administrator',
  'role.system_observer': 'system observer',
  'role.none': 'no role',

  'procedureType.criminal': 'Criminal',
  'procedureType.civil': 'Civil',
  'procedureType.administrative': 'Administrative',
  'procedureType.misdemeanour': 'Misdemeanour',
  'procedureType.constitutional': 'Constitutional review',
  'procedureType.all': 'All procedure types',

  'caseStatus.registered': 'Registered',
  'caseStatus.in_progress': 'In progress',
  'caseStatus.suspended': 'Suspended',
  'caseStatus.decided': 'Decided',
  'caseStatus.closed': 'Closed',

  'restriction.none': 'Not restricted',
  'restriction.closed': 'Closed proceedings',
  'restriction.adoption': 'Adoption case',

  'partyRole.plaintiff': 'plaintiff',
  'partyRole.defendant': 'defendant',
  'partyRole.third_party': 'third party',
  'partyRole.accused': 'accused',
  'partyRole.victim': 'victim',
  'partyRole.prosecutor': 'prosecutor',
  'partyRole.applicant': 'applicant',
  'partyRole.appellant': 'appellant',
  'partyRole.person_concerned': 'person concerned',
  'partyRole.guardianship_authority': 'guardianship authority',
  'partyRole.complainant': 'complainant',
  'partyRole.respondent': 'respondent',
  'partyRole.extrajudicial_body': 'extrajudicial body',
  'partyRole.participant': 'participant',

  'hearingKind.main': 'main hearing',
  'hearingKind.preliminary': 'preliminary hearing',
  'hearingKind.pronouncement': 'pronouncement of the decision',

  'stepKind.registered': 'Registered',
  'stepKind.judge_assigned': 'Judge assigned',
  'stepKind.accepted': 'Accepted for proceedings',
  'stepKind.suspended': 'Proceedings suspended',
  'stepKind.decided': 'Decided',
  'stepKind.ruling_made': 'Ruling made',
  'stepKind.minutes_filed': 'Minutes filed',
  'stepKind.closed': 'Proceedings closed',
  'stepKind.hearing_scheduled': 'Hearing scheduled',

  'documentKind.statement_of_claim': 'statement of claim',
  'documentKind.indictment': 'indictment',
  'documentKind.complaint': 'complaint',
  'documentKind.application': 'application',
  'documentKind.defence': 'defence',
  'documentKind.power_of_attorney': 'power of attorney',
  'documentKind.ruling': 'ruling',
  'documentKind.minutes': 'minutes',
  'documentKind.judgment': 'judgment',
  'documentKind.decision': 'decision',

  'cases.title': 'Cases',
  'cases.search.label': 'Search cases',
  'cases.search.placeholder': 'Number, party or subject',
  'cases.filter.procedureType': 'Procedure type',
  'cases.list.label': 'Case list',
  'cases.count.one': '{count} case',
  'cases.count.other': '{count} cases',
  'cases.limited': 'Showing the first {count}. Refine the search to find the rest.',
  'cases.loading': 'Loading cases…',
  'cases.empty.title': 'No cases cached yet',
  'cases.empty.body':
    'Your cases appear here after a sync with the register. It starts by itself when you are online; you can also start it with “Sync now” in the status bar.',
  'cases.noMatch.title': 'No cases match the search',
  'cases.noMatch.body':
    'Search by case number (e.g. 2-24-4962), party name or subject, or remove the procedure-type filter.',
  'cases.row.judge': 'Judge: {name}',
  'cases.row.noJudge': 'No judge assigned',
  'cases.row.nextHearing': 'Hearing {date}',
  'cases.readingPane': 'Open case',
  'cases.select.title': 'Choose a case',
  'cases.select.body':
    'Choose a case from the list to open its file. Arrow keys move through the list; Enter opens the case file.',

  'caseFile.label': 'Case file {number}',
  'caseFile.loading': 'Loading the case file…',
  'caseFile.procedureType': 'Procedure type',
  'caseFile.court': 'Court',
  'caseFile.judge': 'Judge',
  'caseFile.status': 'Status',
  'caseFile.registeredAt': 'Registered',
  'caseFile.category': 'Category',
  'caseFile.claimValue': 'Value of claim',
  'caseFile.access': 'Access',
  'caseFile.notGiven': 'none',
  'caseFile.parties.title': 'Parties',
  'caseFile.parties.name': 'Name',
  'caseFile.parties.code': 'Personal or registry code',
  'caseFile.parties.role': 'Role',
  'caseFile.parties.representative': 'Representative',
  'caseFile.parties.empty': 'No parties entered.',
  'caseFile.hearings.title': 'Hearings',
  'caseFile.hearings.when': 'Time',
  'caseFile.hearings.kind': 'Kind',
  'caseFile.hearings.room': 'Room',
  'caseFile.hearings.publicity': 'Public',
  'caseFile.hearings.public': 'Public',
  'caseFile.hearings.closed': 'Closed',
  'caseFile.hearings.judges': 'Panel',
  'caseFile.hearings.empty': 'No hearings scheduled.',
  'caseFile.documents.title': 'Documents',
  'caseFile.documents.number': 'Number',
  'caseFile.documents.name': 'Title',
  'caseFile.documents.filedAt': 'Filed',
  'caseFile.documents.pages': 'Pages',
  'caseFile.documents.size': 'Size',
  'caseFile.documents.restricted': 'Restricted access',
  'caseFile.documents.empty': 'The case file has no documents.',
  'caseFile.steps.title': 'Procedural steps',
  'caseFile.steps.entered': 'entered {date}',
  'caseFile.steps.empty': 'No procedural steps entered.',
};

export const en: Dictionary = {
  ...enCore,
  ...enWork,
  ...enSearch,
  ...enRegister,
  ...enAllocation,
  ...enSettings,
  ...enCaseFile,
  ...enViewer,
  ...enViewerPanels,
  ...enReading,
  ...enDrafting,
  ...enDraftingEditor,
  ...enMinutes,
};

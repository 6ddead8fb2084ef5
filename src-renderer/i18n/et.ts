// Estonian: the default language and the source of the message keys (en.ts must match it).
// Court vocabulary as courts use it: kohtuasi, menetlus, menetlusosaline, istung.
import { etAllocation } from './messages/allocation';
import { etCaseFile } from './messages/caseFile';
import { etRegister } from './messages/register';
import { etSearch } from './messages/search';
import { etSettings } from './messages/settings';
import { etWork } from './messages/work';
import { etViewer } from './messages/viewer';
import { etViewerPanels } from './messages/viewerPanels';
import { etReading } from './messages/reading';
import { etDrafting } from './messages/drafting';
import { etDraftingEditor } from './messages/draftingEditor';
import { etMinutes } from './messages/minutes';

const etCore = {
  'app.name': 'Chambers',
  'app.loading': 'Laadin…',
  'app.hostMissing.title': 'Chambers ei leia oma rakendust',
  'app.hostMissing.body':
    'See leht töötab ainult Chambersi töölauarakenduses või selle brauseriversioonis. Käivita Chambers käsuga „npm start“ ja ava aadress, mille see välja trükib.',

  'error.invalid_input': 'Päring oli vigane. Proovi uuesti; kui viga kordub, teata sellest kasutajatoele.',
  'error.unauthenticated': 'Sinu seanss on lõppenud. Logi uuesti sisse.',
  'error.forbidden': 'Sul ei ole õigust neid andmeid näha.',
  'error.not_found': 'Seda ei leitud. See võib olla sulle nähtamatu või pole veel sünkroonitud.',
  'error.conflict': 'Andmeid muudeti vahepeal. Laadi vaade uuesti.',
  'error.unavailable': 'Teenus pole praegu kättesaadav. Proovi mõne aja pärast uuesti.',
  'error.internal': 'Rakenduses tekkis viga. Proovi uuesti; kui viga kordub, teata sellest kasutajatoele.',
  'error.details': 'Üksikasjad: {message}',
  'error.retry': 'Proovi uuesti',

  'signIn.title': 'Sisselogimine',
  'signIn.intro': 'Logi sisse ID-kaardiga. PIN-kood jääb sinu arvutisse ega lähe registrisse.',
  'signIn.module.title': 'ID-kaardi tarkvara ei leitud',
  'signIn.module.body':
    'Chambers loeb ID-kaarti ID-tarkvara (OpenSC) kaudu, kuid ei saanud seda laadida. Paigalda ID-tarkvara või määra kaardimooduli asukoht keskkonnamuutujaga CHAMBERS_PKCS11_MODULE ja proovi uuesti.',
  'signIn.module.path': 'Kaardimoodul: {path}',
  'signIn.module.error': 'Põhjus: {message}',
  'signIn.module.retry': 'Proovi uuesti',
  'signIn.insertCard': 'Sisesta ID-kaart lugejasse',
  'signIn.insertCard.hint': 'Kaart ilmub siia iseenesest, kui see on lugejas.',
  'signIn.cardsFound.one': 'Lugejas on {count} ID-kaart',
  'signIn.cardsFound.other': 'Lugejates on {count} ID-kaarti',
  'signIn.cards.label': 'Kelle kaart on lugejas?',
  'signIn.card.personalCode': 'isikukood {code}',
  'signIn.card.blocked': 'PIN1 on blokeeritud',
  'signIn.pin.label': 'PIN1',
  'signIn.pin.hint': 'PIN1 on 4–12-kohaline number. Esc tühjendab välja.',
  'signIn.pin.invalid': 'PIN1 peab olema 4–12 numbrit, ilma tühikute ja muude märkideta.',
  'signIn.submit': 'Logi sisse',
  'signIn.checking': 'Kontrollin sertifikaati…',
  'signIn.ended.card-removed': 'Rakendus lukustati, sest ID-kaart eemaldati lugejast.',
  'signIn.ended.session-ended': 'Sinu seanss on lõppenud; logi uuesti sisse.',
  'session.offlineUnlock': 'Võrguühenduseta — avatud ID-kaardiga',

  'signInError.pinTriesLeft.one': 'Vale PIN-kood. Jäänud on {count} katse.',
  'signInError.pinTriesLeft.other': 'Vale PIN-kood. Jäänud on {count} katset.',
  'signInError.pin_incorrect': 'Vale PIN-kood. Proovi uuesti.',
  'signInError.pin_blocked':
    'PIN1 on blokeeritud. Ava blokeering PUK-koodiga ID-tarkvaras (DigiDoc4) või pöördu Politsei- ja Piirivalveameti teenindusse.',
  'signInError.card_not_found': 'ID-kaarti ei leitud. Kontrolli, et kaart on lugejas, ja proovi uuesti.',
  'signInError.card_module_unavailable':
    'ID-kaardi tarkvara ei õnnestunud laadida. Paigalda ID-tarkvara (OpenSC) või määra kaardimooduli asukoht keskkonnamuutujaga CHAMBERS_PKCS11_MODULE.',
  'signInError.card_error':
    'ID-kaarti ei õnnestunud lugeda. Võta kaart lugejast välja, sisesta see uuesti ja proovi uuesti.',
  'signInError.keychain_unavailable':
    'Seanssi ei saa turvaliselt hoida, sest operatsioonisüsteemi võtmehoidja pole kättesaadav. Logi arvutisse uuesti sisse; kui see ei aita, pöördu kasutajatoe poole.',
  'signInError.offline_not_pinned':
    'Selle kaardiga pole selles arvutis veel võrgus olles sisse logitud: ühendu korra kohtu võrguga.',
  'signInError.offline_certificate_mismatch':
    'Kaardi sertifikaat pole see, millega selles arvutis viimati võrgus sisse logiti (näiteks uus kaart). Ühendu kohtu võrguga ja logi sisse.',
  'signInError.offline_signature_invalid':
    'Kaardi vastust ei õnnestunud kontrollida. Proovi uuesti; kui viga kordub, ühendu kohtu võrguga.',
  'signInError.token_malformed':
    'Kaardi vastust ei õnnestunud kontrollida. Proovi uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.token_format_unsupported':
    'Kaardi vastust ei õnnestunud kontrollida. Proovi uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.certificate_malformed': 'Kaardi sertifikaati ei õnnestunud lugeda. Pöördu kasutajatoe poole.',
  'signInError.certificate_expired':
    'Selle ID-kaardi sertifikaat on aegunud, sellega ei saa sisse logida. Taotle Politsei- ja Piirivalveametist uus kaart.',
  'signInError.certificate_not_yet_valid':
    'Selle ID-kaardi sertifikaat ei kehti veel. Kontrolli arvuti kuupäeva ja kellaaega või proovi hiljem uuesti.',
  'signInError.certificate_untrusted':
    'Register ei usalda selle kaardi sertifikaadi väljaandjat. Kasuta Eesti ID-kaarti; kui see on Eesti ID-kaart, pöördu kasutajatoe poole.',
  'signInError.certificate_revoked':
    'Selle kaardi sertifikaat on tühistatud, sellega ei saa sisse logida. Pöördu Politsei- ja Piirivalveameti poole.',
  'signInError.certificate_status_unknown':
    'Kaardi sertifikaadi kehtivust ei õnnestunud kinnitada. Proovi hiljem uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.certificate_policy_disallowed':
    'Selle kaardi sertifikaadiga ei saa kohtute infosüsteemi sisse logida. Kasuta oma ID-kaarti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.certificate_not_for_authentication':
    'Kaardi sertifikaat pole isikutuvastamiseks. Kasuta oma ID-kaarti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.certificate_missing_client_auth':
    'Kaardi sertifikaat pole isikutuvastamiseks. Kasuta oma ID-kaarti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.certificate_missing_digital_signature':
    'Kaardi sertifikaat pole isikutuvastamiseks. Kasuta oma ID-kaarti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.certificate_is_signing_certificate':
    'Kaart vastas allkirjastamise sertifikaadiga, mitte isikutuvastuse omaga. Proovi uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.certificate_subject_invalid':
    'Kaardi sertifikaadist ei õnnestunud isikut tuvastada. Pöördu kasutajatoe poole.',
  'signInError.ocsp_unavailable':
    'Sertifikaadi kehtivust ei õnnestunud praegu kontrollida: kehtivuskinnituse teenus ei vastanud. Proovi mõne aja pärast uuesti.',
  'signInError.ocsp_response_invalid':
    'Sertifikaadi kehtivuskinnitus oli vigane. Proovi mõne aja pärast uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.nonce_unknown': 'Sisselogimine aegus või katkes. Proovi uuesti.',
  'signInError.nonce_replayed': 'Sisselogimine aegus või katkes. Proovi uuesti.',
  'signInError.nonce_expired': 'Sisselogimine aegus või katkes. Proovi uuesti.',
  'signInError.origin_mismatch':
    'Kaardi vastust ei õnnestunud kontrollida. Proovi uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.algorithm_unsupported':
    'Kaardi vastust ei õnnestunud kontrollida. Proovi uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.algorithm_mismatch':
    'Kaardi vastust ei õnnestunud kontrollida. Proovi uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.signature_invalid':
    'Kaardi vastust ei õnnestunud kontrollida. Proovi uuesti; kui viga kordub, pöördu kasutajatoe poole.',
  'signInError.user_unknown':
    'Selle isikukoodiga kasutajat kohtute infosüsteemis pole või on tema ligipääs peatatud. Pöördu oma kohtu kantselei juhataja poole.',
  'signInError.sign_in_not_configured':
    'Registris pole ID-kaardiga sisselogimist veel seadistatud. Pöördu kasutajatoe poole.',

  'shell.nav.label': 'Põhinavigatsioon',
  'shell.nav.cases': 'Kohtuasjad',
  'shell.nav.work': 'Minu töö',
  'shell.nav.search': 'Otsing',
  'shell.nav.register': 'Registreeri',
  'shell.nav.allocation': 'Jaotusplaan',
  'shell.nav.settings': 'Seaded',
  'shell.preferences': 'Eelistused',
  'shell.language': 'Keel',
  'shell.theme': 'Teema',
  'shell.theme.system': 'Süsteemi järgi',
  'shell.theme.light': 'Hele',
  'shell.theme.dark': 'Tume',
  'shell.person': 'Sisse logitud kasutaja',

  'problems.open.one': '{count} probleem sünkroonimisel',
  'problems.open.other': '{count} probleemi sünkroonimisel',
  'problems.title': 'Sünkroonimise probleemid',
  'problems.none': 'Lahendamata probleeme pole.',
  'problems.close': 'Sulge',
  'problems.conflict.title': 'Märkust muudeti ka mujal',
  'problems.conflict.mine': 'Sinu tekst',
  'problems.conflict.theirs': 'Registris olev tekst',
  'problems.conflict.noText': 'Registris märget pole.',
  'problems.conflict.keepMine': 'Jäta minu tekst',
  'problems.conflict.keepTheirs': 'Võta registri tekst',
  'problems.failed.title': 'Register ei võtnud muudatust vastu',
  'problems.failed.retry': 'Proovi uuesti',
  'problems.failed.dismiss': 'Loobu muudatusest',
  'status.label': 'Olekuriba',
  'status.sync': 'Sünkroonimise olek',
  'status.online': 'Võrgus',
  'status.offline': 'Võrguühenduseta',
  'status.syncing': 'Sünkroonin',
  'status.progress.known': '{done} / {total} kohtuasja',
  'status.progress.unknown': '{done} kohtuasja',
  'status.pending.one': '{count} muudatus ootel',
  'status.pending.other': '{count} muudatust ootel',
  'status.conflicts.one': '{count} vastuolu vajab otsust',
  'status.conflicts.other': '{count} vastuolu vajavad otsust',
  'status.failed.one': 'Register lükkas tagasi {count} muudatuse',
  'status.failed.other': 'Register lükkas tagasi {count} muudatust',
  'status.cached.one': '{count} kohtuasi vahemälus',
  'status.cached.other': '{count} kohtuasja vahemälus',
  'status.lastSync': 'Viimati sünkroonitud {time}',
  'status.neverSynced': 'Pole veel sünkroonitud',
  'status.syncFailed': 'Sünkroonimine ebaõnnestus: {message}',
  'status.syncNow': 'Sünkrooni kohe',
  'status.signOut': 'Logi välja',

  'role.court_president': 'kohtu esimees',
  'role.judge': 'kohtunik',
  'role.consultant': 'konsultant',
  'role.court_session_secretary': 'kohtuistungi sekretär',
  'role.chancery_official': 'kantselei ametnik',
  'role.head_of_chancery': 'kantselei juhataja',
  'role.observer': 'vaatleja',
  'role.law_clerk': 'kohtujurist',
  'role.assistant_judge': 'kohtunikuabi',
  'role.judge_candidate': 'kohtunikukandidaat',
  'role.adviser': 'nõunik',
  'role.analyst': 'analüütik',
  'role.specialist': 'spetsialist',
  'role.interpreter': 'tõlk',
  'role.system_administrator': 'süsteemiadministraator',
  'role.system_observer': 'süsteemivaatleja',
  'role.none': 'roll puudub',

  'procedureType.criminal': 'Kriminaalasi',
  'procedureType.civil': 'Tsiviilasi',
  'procedureType.administrative': 'Haldusasi',
  'procedureType.misdemeanour': 'Väärteoasi',
  'procedureType.constitutional': 'Põhiseaduslikkuse järelevalve',
  'procedureType.all': 'Kõik menetlusliigid',

  'caseStatus.registered': 'Registreeritud',
  'caseStatus.in_progress': 'Menetluses',
  'caseStatus.suspended': 'Peatatud',
  'caseStatus.decided': 'Lahendatud',
  'caseStatus.closed': 'Lõpetatud',

  'restriction.none': 'Piiranguteta',
  'restriction.closed': 'Kinnine menetlus',
  'restriction.adoption': 'Lapsendamisasi',

  'partyRole.plaintiff': 'hageja',
  'partyRole.defendant': 'kostja',
  'partyRole.third_party': 'kolmas isik',
  'partyRole.accused': 'süüdistatav',
  'partyRole.victim': 'kannatanu',
  'partyRole.prosecutor': 'prokurör',
  'partyRole.applicant': 'avaldaja',
  'partyRole.appellant': 'apellant',
  'partyRole.person_concerned': 'puudutatud isik',
  'partyRole.guardianship_authority': 'eestkosteasutus',
  'partyRole.complainant': 'kaebaja',
  'partyRole.respondent': 'vastustaja',
  'partyRole.extrajudicial_body': 'kohtuväline menetleja',
  'partyRole.participant': 'menetlusosaline',

  'hearingKind.main': 'põhiistung',
  'hearingKind.preliminary': 'eelistung',
  'hearingKind.pronouncement': 'lahendi kuulutamine',

  'stepKind.registered': 'Registreeritud',
  'stepKind.judge_assigned': 'Kohtunik määratud',
  'stepKind.accepted': 'Menetlusse võetud',
  'stepKind.suspended': 'Menetlus peatatud',
  'stepKind.decided': 'Lahendatud',
  'stepKind.ruling_made': 'Määrus tehtud',
  'stepKind.minutes_filed': 'Protokoll registreeritud',
  'stepKind.closed': 'Menetlus lõpetatud',
  'stepKind.hearing_scheduled': 'Istung määratud',

  'documentKind.statement_of_claim': 'hagiavaldus',
  'documentKind.indictment': 'süüdistusakt',
  'documentKind.complaint': 'kaebus',
  'documentKind.application': 'taotlus',
  'documentKind.defence': 'vastus',
  'documentKind.power_of_attorney': 'volikiri',
  'documentKind.ruling': 'määrus',
  'documentKind.minutes': 'protokoll',
  'documentKind.judgment': 'kohtuotsus',
  'documentKind.decision': 'otsus',

  'cases.title': 'Kohtuasjad',
  'cases.search.label': 'Otsi kohtuasju',
  'cases.search.placeholder': 'Number, menetlusosaline või sisu',
  'cases.filter.procedureType': 'Menetlusliik',
  'cases.list.label': 'Kohtuasjade nimekiri',
  'cases.count.one': '{count} kohtuasi',
  'cases.count.other': '{count} kohtuasja',
  'cases.limited': 'Näitan esimest {count}. Täpsusta otsingut, et leida ülejäänud.',
  'cases.loading': 'Laadin kohtuasju…',
  'cases.empty.title': 'Vahemälus pole veel kohtuasju',
  'cases.empty.body':
    'Sinu kohtuasjad ilmuvad siia pärast sünkroonimist registriga. See algab iseenesest, kui oled võrgus; võid selle käivitada ka olekuriba nupuga „Sünkrooni kohe“.',
  'cases.noMatch.title': 'Ükski kohtuasi ei vasta otsingule',
  'cases.noMatch.body':
    'Otsi kohtuasja numbri (nt 2-24-4962), menetlusosalise nime või asja sisu järgi või eemalda menetlusliigi filter.',
  'cases.row.judge': 'Kohtunik: {name}',
  'cases.row.noJudge': 'Kohtunik määramata',
  'cases.row.nextHearing': 'Istung {date}',
  'cases.readingPane': 'Avatud kohtuasi',
  'cases.select.title': 'Vali kohtuasi',
  'cases.select.body':
    'Vali nimekirjast kohtuasi, et avada selle toimik. Nooleklahvidega liigud nimekirjas, Enter avab toimiku.',

  'caseFile.label': 'Kohtutoimik {number}',
  'caseFile.loading': 'Laadin toimikut…',
  'caseFile.procedureType': 'Menetlusliik',
  'caseFile.court': 'Kohus',
  'caseFile.judge': 'Kohtunik',
  'caseFile.status': 'Menetluse seis',
  'caseFile.registeredAt': 'Registreeritud',
  'caseFile.category': 'Kategooria',
  'caseFile.claimValue': 'Hagi hind',
  'caseFile.access': 'Juurdepääs',
  'caseFile.notGiven': 'puudub',
  'caseFile.parties.title': 'Menetlusosalised',
  'caseFile.parties.name': 'Nimi',
  'caseFile.parties.code': 'Isiku- või registrikood',
  'caseFile.parties.role': 'Menetlusseisund',
  'caseFile.parties.representative': 'Esindaja',
  'caseFile.parties.empty': 'Menetlusosalisi pole kantud.',
  'caseFile.hearings.title': 'Kohtuistungid',
  'caseFile.hearings.when': 'Aeg',
  'caseFile.hearings.kind': 'Liik',
  'caseFile.hearings.room': 'Saal',
  'caseFile.hearings.publicity': 'Avalikkus',
  'caseFile.hearings.public': 'Avalik',
  'caseFile.hearings.closed': 'Kinnine',
  'caseFile.hearings.judges': 'Kohtukoosseis',
  'caseFile.hearings.empty': 'Istungeid pole määratud.',
  'caseFile.documents.title': 'Dokumendid',
  'caseFile.documents.number': 'Number',
  'caseFile.documents.name': 'Pealkiri',
  'caseFile.documents.filedAt': 'Esitatud',
  'caseFile.documents.pages': 'Lehekülgi',
  'caseFile.documents.size': 'Maht',
  'caseFile.documents.restricted': 'Piiratud juurdepääs',
  'caseFile.documents.empty': 'Toimikus pole dokumente.',
  'caseFile.steps.title': 'Menetlustoimingud',
  'caseFile.steps.entered': 'kantud {date}',
  'caseFile.steps.empty': 'Menetlustoiminguid pole kantud.',
} as const;

/** Each feature keeps its texts in `messages/<feature>.ts`; keys are prefixed by feature. */
export const et = {
  ...etCore,
  ...etWork,
  ...etSearch,
  ...etRegister,
  ...etAllocation,
  ...etSettings,
  ...etCaseFile,
  ...etViewer,
  ...etViewerPanels,
  ...etReading,
  ...etDrafting,
  ...etDraftingEditor,
  ...etMinutes,
} as const;

import type { ProcedureType } from '../../src-shared/domain/procedure-type.js';

/**
 * Estonian court text shared by what the court files: decisions (drafting/introduction.ts) and
 * hearing minutes (minutes/document.ts). The document's own text — Estonian, as the court prints
 * it — not UI text, so it is not translated; the renderer's dictionary has its own copy of the role
 * names for the screen.
 */

/**
 * The court's time zone: hearings are held, minutes dated and decisions dated in Estonian time
 * whatever the computer's zone (a decision made at 00:30 in Tallinn is dated that day).
 */
export const COURT_TIME_ZONE = 'Europe/Tallinn';

/** Nominative and genitive of a procedural role ("Hageja esindaja", "Süüdistatava kaitsja"). */
export type RoleName = readonly [nominative: string, genitive: string];

const ROLE_NAMES: Readonly<Record<string, RoleName>> = {
  plaintiff: ['hageja', 'hageja'],
  defendant: ['kostja', 'kostja'],
  third_party: ['kolmas isik', 'kolmanda isiku'],
  applicant: ['avaldaja', 'avaldaja'],
  person_concerned: ['puudutatud isik', 'puudutatud isiku'],
  guardianship_authority: ['eestkosteasutus', 'eestkosteasutuse'],
  intervener: ['menetlusse astuja', 'menetlusse astuja'],
  prosecutor: ['prokurör', 'prokuröri'],
  accused: ['süüdistatav', 'süüdistatava'],
  victim: ['kannatanu', 'kannatanu'],
  civil_defendant: ['tsiviilkostja', 'tsiviilkostja'],
  complainant: ['kaebaja', 'kaebaja'],
  respondent: ['vastustaja', 'vastustaja'],
  extrajudicial_body: ['kohtuväline menetleja', 'kohtuvälise menetleja'],
  participant: ['menetlusosaline', 'menetlusosalise'],
  appellant: ['apellant', 'apellandi'],
};
/** Where a procedure's law names a role differently. */
const ROLE_NAMES_BY_PROCEDURE: Readonly<Partial<Record<ProcedureType, Record<string, RoleName>>>> = {
  misdemeanour: { person_concerned: ['menetlusalune isik', 'menetlusaluse isiku'] },
  administrative: { applicant: ['taotleja', 'taotleja'] },
};

/**
 * The Estonian names of a procedural role in a procedure; an unknown role is printed as it is.
 * Without the procedure type, the general name.
 */
export function roleName(procedureType: ProcedureType | undefined, role: string): RoleName {
  const special = procedureType ? ROLE_NAMES_BY_PROCEDURE[procedureType]?.[role] : undefined;
  return special ?? ROLE_NAMES[role] ?? [role, role];
}

/** The Estonian name of a procedural role, lower case ("hageja", "menetlusalune isik"). */
export function partyRoleName(procedureType: ProcedureType | undefined, role: string): string {
  return roleName(procedureType, role)[0];
}

const longDate = new Intl.DateTimeFormat('et-EE', {
  timeZone: COURT_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "14. märts 2025" in the court's time zone. */
export function formatCourtDate(date: Date): string {
  return longDate.format(date);
}

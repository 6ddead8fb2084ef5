// Lists as strings keep this file short; any match with a real person or company is chance.
const words = (text: string) => text.trim().split(/\s+/);
const items = (text: string) => text.split('|').map((s) => s.trim());

export const MALE_NAMES =
  words(`Andres Toomas Jaan Mart Priit Rein Tiit Urmas Indrek Margus Kristjan Siim Rasmus
  Marko Tarmo Aivar Raivo Kalle Peeter Jüri Martin Karl Oliver Henri Sander Kaspar Tõnu Ülo Erki Madis`);
export const FEMALE_NAMES =
  words(`Kadri Katrin Liina Maarja Triin Kristiina Piret Tiina Helen Merike Anu Kersti Eve
  Mari Kätlin Marge Signe Reet Ülle Pille Laura Grete Liis Karin Ene Heli Õie Sirje Annika Kaia`);
export const SURNAMES = words(`Tamm Saar Sepp Mägi Kask Kukk Rebane Ilves Pärn Koppel Lepik Kuusk Karu Oja
  Raudsepp Lill Vaher Kallas Luik Põld Kivi Mets Org Laur Kuusik Teder Jõgi Aas Vares Sild Müür Järv Kõiv
  Leppik Männik Nõmm Parts Rand Tõnisson Uibo Valk Värk Hunt Kull Lõhmus Paju Sarapuu`);

export const COMPANIES = items(`Kalda Kinnisvara OÜ | Metsaküla Ehitus OÜ | Harjumaa Liising AS |
  Pärnamäe Autokeskus OÜ | Rävala Kaubandus OÜ | Põhjaranniku Logistika AS | Lasnamäe Küte OÜ |
  Nõmme Mööbel OÜ | Kopli Laevaremont AS | Saue Põllutööd OÜ | Kesklinna Hambaravi OÜ | Maardu Transport OÜ |
  Viimsi Arendus OÜ | Keila Puit AS | Tabasalu Ehitusgrupp OÜ | Laagri Aiand OÜ | Ülemiste Tarkvara OÜ |
  Pirita Jahtklubi MTÜ | Kiili Piimatööstus AS | Rae Energia OÜ`);

export const LAW_FIRMS =
  items(`Advokaadibüroo Kask & Partnerid | Advokaadibüroo Lõhmus | Advokaadibüroo Põhjala |
  Õigusbüroo Vares | Advokaadibüroo Järv ja Sild | Advokaadibüroo Toompea`);

export const PROSECUTOR_OFFICE = 'Põhja Ringkonnaprokuratuur';

/** Public authorities: respondents and extrajudicial bodies (never masked, domain.md). */
export const AUTHORITIES = items(`Politsei- ja Piirivalveamet | Maksu- ja Tolliamet | Tallinna Linnavalitsus |
  Transpordiamet | Keskkonnaamet | Sotsiaalkindlustusamet | Harku Vallavalitsus | Tööinspektsioon`);

export const ROOMS = items('Saal 101 | Saal 104 | Saal 203 | Saal 205 | Saal 209 | Saal 301 | Saal 306');

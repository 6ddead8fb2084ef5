// Texts of the settings feature; keys start with 'settings.' (merged into et.ts and en.ts).
export const etSettings = {
  'settings.title': 'Seaded',
  'settings.loading': 'Laadin seadeid…',

  'settings.connection.title': 'Ühendus ja ID-kaart',
  'settings.connection.intro':
    'Need seaded jõustuvad, kui Chambers järgmine kord käivitub. Käsureal antud aadress või kaardimoodul on salvestatud seadest tähtsam.',
  'settings.registerUrl.label': 'Registri aadress',
  'settings.registerUrl.hint': 'Algab http:// või https://, näiteks https://register.kohus.ee',
  'settings.registerUrl.invalid':
    'Sisesta registri aadress, mis algab http:// või https://, näiteks https://register.kohus.ee',
  'settings.cardModule.label': 'ID-kaardi moodul (PKCS#11)',
  'settings.cardModule.hint':
    'Kaardimooduli faili asukoht, näiteks /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
  'settings.cardModule.required': 'Sisesta kaardimooduli faili asukoht.',
  'settings.cardModule.tooLong': 'Kaardimooduli asukoht on liiga pikk: lubatud on kuni 1024 märki.',
  'settings.save': 'Salvesta',
  'settings.saving': 'Salvestan…',
  'settings.saved.restart': 'Salvestatud. Muudatused jõustuvad, kui Chambers uuesti käivitada.',
  'settings.saved.inEffect': 'Salvestatud. Need seaded on juba kasutusel.',
  'settings.restartNeeded': 'Salvestatud seaded jõustuvad pärast Chambersi taaskäivitamist.',
  'settings.inEffect.title': 'Praegu kasutusel',
  'settings.inEffect.registerUrl': 'Registri aadress',
  'settings.inEffect.cardModule': 'ID-kaardi moodul',

  'settings.language.title': 'Keel',
  'settings.language.intro': 'Kasutajaliidese keel; muutub kohe.',
  'settings.theme.title': 'Välimus',
  'settings.theme.intro': 'Hele või tume teema; „Süsteemi järgi“ järgib arvuti seadistust. Muutub kohe.',
} as const;

export const enSettings: Readonly<Record<keyof typeof etSettings, string>> = {
  'settings.title': 'Settings',
  'settings.loading': 'Loading the settings…',

  'settings.connection.title': 'Connection and ID card',
  'settings.connection.intro':
    'These settings take effect the next time Chambers starts. An address or card module given on the command line wins over the saved setting.',
  'settings.registerUrl.label': 'Register address',
  'settings.registerUrl.hint': 'Starts with http:// or https://, for example https://register.kohus.ee',
  'settings.registerUrl.invalid':
    'Enter the register’s address starting with http:// or https://, for example https://register.kohus.ee',
  'settings.cardModule.label': 'ID card module (PKCS#11)',
  'settings.cardModule.hint':
    'The path of the card module file, for example /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
  'settings.cardModule.required': 'Enter the path of the card module file.',
  'settings.cardModule.tooLong': 'The path of the card module is too long: at most 1024 characters.',
  'settings.save': 'Save',
  'settings.saving': 'Saving…',
  'settings.saved.restart': 'Saved. The changes take effect when you restart Chambers.',
  'settings.saved.inEffect': 'Saved. These settings are already in use.',
  'settings.restartNeeded': 'The saved settings take effect after Chambers is restarted.',
  'settings.inEffect.title': 'In use now',
  'settings.inEffect.registerUrl': 'Register address',
  'settings.inEffect.cardModule': 'ID card module',

  'settings.language.title': 'Language',
  'settings.language.intro': 'The language of the interface; changes at once.',
  'settings.theme.title': 'Appearance',
  'settings.theme.intro':
    'A light or dark theme; “As the system” follows the computer’s setting. Changes at once.',
};

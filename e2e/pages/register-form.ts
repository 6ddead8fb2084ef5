import { expect, type Locator, type Page } from '@playwright/test';

export interface FormParty {
  kind?: 'Füüsiline isik' | 'Juriidiline isik';
  name: string;
  /** Personal code of a person, registry code of a company. */
  code: string;
  role: string;
}

export interface FormDocument {
  fileName: string;
  bytes: Uint8Array;
  title: string;
}

/** The "Register a case" form, as chancery staff fill it in. */
export class RegisterForm {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('main');
  }

  async fillCivilCase(subject: string, value: string, parties: readonly FormParty[]): Promise<void> {
    await expect(
      this.root.getByRole('heading', { level: 1, name: 'Kohtuasja registreerimine' }),
    ).toBeVisible();
    await this.root.getByLabel('Menetlusliik').selectOption({ label: 'Tsiviilasi' });
    await this.root.getByLabel('Asja sisu').fill(subject);
    await this.root.getByLabel('Hagi hind eurodes').fill(value);
    for (const [index, party] of parties.entries()) {
      if (index > 0) await this.root.getByRole('button', { name: 'Lisa menetlusosaline' }).click();
      const group = this.root.getByRole('group', { name: `Menetlusosaline ${index + 1}` });
      if (party.kind) await group.getByLabel('Isik', { exact: true }).selectOption({ label: party.kind });
      await group.getByLabel('Nimi').fill(party.name);
      await group
        .getByLabel(party.kind === 'Juriidiline isik' ? 'Registrikood' : 'Isikukood')
        .fill(party.code);
      await group.getByLabel('Menetluslik seisund').selectOption({ label: party.role });
    }
  }

  async addDocuments(documents: readonly FormDocument[]): Promise<void> {
    for (const [index, document] of documents.entries()) {
      await this.root.getByRole('button', { name: 'Lisa dokument' }).click();
      const group = this.root.getByRole('group', { name: `Dokument ${index + 1}` });
      await group.getByLabel('Fail').setInputFiles({
        name: document.fileName,
        mimeType: 'application/pdf',
        buffer: Buffer.from(document.bytes),
      });
      await group.getByLabel('Pealkiri').fill(document.title);
      await group.getByLabel('Dokumendi liik').selectOption({ index: 1 });
    }
  }

  /** Registers and returns the result region (number, judge, why). */
  async submit(): Promise<Locator> {
    await this.root.getByRole('button', { name: 'Registreeri kohtuasi' }).click();
    const result = this.root.getByRole('region', { name: 'Kohtuasi on registreeritud' });
    await expect(result).toBeVisible();
    return result;
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** Page objects for the workspace: tests speak of people and cases, not selectors. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('dev-banner')).toBeVisible();
  }

  async signInAs(name: RegExp): Promise<CaseListPage> {
    await this.page.getByRole('button', { name }).click();
    const list = new CaseListPage(this.page);
    await expect(list.rows.first()).toBeVisible();
    return list;
  }
}

export class CaseListPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly search: Locator;

  constructor(private readonly page: Page) {
    this.list = page.getByTestId('case-list');
    this.rows = this.list.getByTestId('case-row');
    this.search = page.getByRole('searchbox');
  }

  async openRow(index: number): Promise<CaseFilePage> {
    await this.rows.nth(index).click();
    const file = new CaseFilePage(this.page);
    await expect(file.root).toBeVisible();
    return file;
  }
}

export class CaseFilePage {
  readonly root: Locator;
  readonly number: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('case-file');
    this.number = this.root.getByTestId('case-number');
  }
}

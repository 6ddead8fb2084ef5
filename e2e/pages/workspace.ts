import { expect, type Locator, type Page } from '@playwright/test';

/** Page objects for the workspace: tests speak of people and cases, not selectors. */
export class SignInPage {
  readonly cards: Locator;
  readonly pin: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.cards = page.getByTestId('card-list').getByTestId('card-option');
    this.pin = page.getByLabel('PIN1');
    this.error = page.getByTestId('sign-in-error');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.cards.first()).toBeVisible();
  }

  /** Chooses the card whose holder matches and types the PIN into the app's own dialog. */
  async enterPin(holder: RegExp, pin: string): Promise<void> {
    await this.cards.filter({ hasText: holder }).click();
    await this.pin.fill(pin);
    await this.pin.press('Enter');
  }

  /** Signs in, lands on My work, and goes on to the case list (most journeys start there). */
  async signInAs(holder: RegExp, pin = DEMO_PIN1): Promise<CaseListPage> {
    await this.signInToWork(holder, pin);
    return new Shell(this.page).openCases();
  }

  async signInToWork(holder: RegExp, pin = DEMO_PIN1): Promise<WorkPage> {
    await this.enterPin(holder, pin);
    const work = new WorkPage(this.page);
    await expect(work.root).toBeVisible();
    return work;
  }
}

/** PIN1 of every demo test card (scripts/testcards). */
export const DEMO_PIN1 = '1234';

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

/** The navigation rail and the status bar around every screen. */
export class Shell {
  readonly nav: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole('navigation');
  }

  link(name: string | RegExp): Locator {
    return this.nav.getByRole('link', { name });
  }

  /** The case list, once the first pull has filled it. */
  async openCases(): Promise<CaseListPage> {
    await this.link(/Kohtuasjad|Cases/).click();
    const list = new CaseListPage(this.page);
    await expect(list.rows.first()).toBeVisible();
    return list;
  }
}

export class WorkPage {
  readonly root: Locator;
  readonly myCases: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('work-screen');
    this.myCases = this.root.getByTestId('work-case-row');
  }
}

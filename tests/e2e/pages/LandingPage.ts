import { expect, type Locator, type Page } from '@playwright/test';

/** The landing page: name, look, hall choice, language. */
export class LandingPage {
  readonly title: Locator;
  readonly nameInput: Locator;
  readonly nameProblem: Locator;
  readonly enterButton: Locator;
  readonly languageSwitch: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator('h1');
    this.nameInput = page.getByTestId('name-input');
    this.nameProblem = page.getByTestId('name-problem');
    this.enterButton = page.getByTestId('enter-hall');
    this.languageSwitch = page.getByTestId('lang-switch');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.nameInput).toBeVisible();
  }

  pickHall(hallId: string): Promise<void> {
    return this.page.getByTestId(`pick-${hallId}`).click();
  }

  /** Fills the name and enters the chosen hall (gulangyu unless picked otherwise). */
  async enter(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.enterButton.click();
  }
}

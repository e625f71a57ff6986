import type { DemoUser } from '../support/users.ts';
import { DEMO_PASSWORD } from '../support/users.ts';
import { AppPage } from './app-page.ts';
import { ApproachesPage } from './approaches-page.ts';

export class LoginPage extends AppPage {
  email = this.page.getByRole('textbox', { name: 'E-mailadres' });
  password = this.page.getByLabel('Wachtwoord', { exact: true });

  async goto(): Promise<this> {
    await this.page.goto('/inloggen');
    await this.arrive('Inloggen', 'inlogpagina');
    return this;
  }

  async loginAs(user: DemoUser, password = DEMO_PASSWORD): Promise<ApproachesPage> {
    await this.email.fill(user.email);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: 'Inloggen' }).click();
    const approaches = new ApproachesPage(this.page);
    await approaches.expectLoaded();
    return approaches;
  }
}

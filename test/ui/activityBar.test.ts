import * as assert from 'assert';
import { activityEntry, treeRows, workbench } from './workbench';

describe('Corpus Lens in the activity bar', () => {
  it('shows its entry once the extension activates', async () => {
    await activityEntry().waitFor({ timeout: 60000 });
  });

  it('opens the Entities view with the corpus in it', async () => {
    await activityEntry().click();
    // With a single view the side bar's title names it ("CORPUS LENS: ENTITIES").
    const title = workbench()
      .locator('.sidebar .composite.title')
      .filter({ hasText: /Entities/i });
    await title.first().waitFor();
    await treeRows().first().waitFor();
    // The Entities tree groups the sample's entities by type.
    await treeRows().filter({ hasText: 'PERSON' }).first().waitFor();
    const labels = await treeRows().locator('.label-name').allTextContents();
    assert.ok(
      ['PERSON', 'ORG', 'PLACE'].every(type => labels.includes(type)),
      `rows: ${labels.join(' | ')}`,
    );
  });
});

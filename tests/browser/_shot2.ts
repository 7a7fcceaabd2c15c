import { startApp } from './harness.ts';
const app = await startApp();
for (const [w, h] of [[1440, 900], [1280, 800]] as const) {
  const { page, problems } = await app.openPage({ width: w, height: h });
  await page.screenshot({ path: `/tmp/shot-${w}.png` });
  console.log(w, problems);
  await page.close();
}
await app.close();

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGroup, createTrainee, freshIin } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every refusal carries a stable dotted code and a message in the language of Accept-Language
 * (kk, ru, en; English when the header is absent or names another language); each refused field
 * has its own code and message.
 */
describe('errors in the caller’s language', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A registration with a missing last name, an IIN whose check digit is wrong, no consent. */
  const refusedForm = (language?: string) => {
    const iin = freshIin();
    const wrongCheckDigit = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    const request = t.http().post('/api/trainees').set(bearer(staff));
    if (language) void request.set('accept-language', language);
    return request.send({ iin: wrongCheckDigit, firstName: 'Әлия', consent: false });
  };

  it('answers a refused form in Kazakh, each field with its code', async () => {
    const response = await refusedForm('kk');
    expect(response.status).toBe(400);
    expect(response.headers['content-language']).toBe('kk');
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'request.invalid_input',
      message: 'Кейбір өрістер қате толтырылған',
    });
    const byField = Object.fromEntries(
      (response.body.errors as { field: string }[]).map((e) => [e.field, e]),
    );
    expect(byField).toEqual({
      iin: { field: 'iin', code: 'iin.checksum', message: 'ЖСН-нің бақылау цифры сәйкес келмейді' },
      lastName: { field: 'lastName', code: 'field.required', message: 'Міндетті өріс' },
      consent: {
        field: 'consent',
        code: 'trainee.consent_required',
        message: 'Тіркеу үшін дербес деректерді өңдеуге келісім қажет',
      },
    });
  });

  it('answers the same form in Russian, and in English without the header or for another language', async () => {
    const ru = await refusedForm('ru-RU,ru;q=0.9');
    expect(ru.body.message).toBe('Некоторые поля заполнены неверно');
    expect(ru.body.errors).toContainEqual({
      field: 'iin',
      code: 'iin.checksum',
      message: 'Контрольная цифра ИИН не совпадает',
    });
    expect(ru.body.errors).toContainEqual({
      field: 'lastName',
      code: 'field.required',
      message: 'Обязательное поле',
    });
    for (const language of [undefined, 'de-DE']) {
      const en = await refusedForm(language);
      expect(en.headers['content-language']).toBe('en');
      expect(en.body.message).toBe('Some fields are not valid');
      expect(en.body.errors).toContainEqual({
        field: 'iin',
        code: 'iin.checksum',
        message: 'The IIN check digit does not match',
      });
    }
  });

  it('names the limit of a too long field in its parameters and its message', async () => {
    const response = await t
      .http()
      .post('/api/trainees')
      .set(bearer(staff))
      .set('accept-language', 'ru')
      .send({ iin: freshIin(), lastName: 'x'.repeat(101), firstName: 'A', consent: true });
    expect(response.body.errors).toEqual([
      {
        field: 'lastName',
        code: 'field.too_long',
        message: 'Не более 100 символов',
        params: { max: 100 },
      },
    ]);
  });

  it('answers domain refusals in Russian and Kazakh with their codes', async () => {
    const existing = await createTrainee(t.dataSource);
    const duplicate = await t
      .http()
      .post('/api/trainees')
      .set(bearer(staff))
      .set('accept-language', 'ru')
      .send({ iin: existing.iin, lastName: 'Ким', firstName: 'Ольга', consent: true });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      code: 'trainee.iin_taken',
      message: 'Слушатель с таким ИИН уже зарегистрирован',
    });

    const cancelled = await createGroup(t.dataSource, { status: 'cancelled' });
    const open = (language: string) =>
      t
        .http()
        .post(`/api/groups/${cancelled.id}/open`)
        .set(bearer(staff))
        .set('accept-language', language);
    const ru = await open('ru');
    expect(ru.status).toBe(409);
    expect(ru.body).toMatchObject({
      code: 'group.wrong_status',
      message: `В текущем статусе группы это действие недоступно (${cancelled.code})`,
    });
    expect((await open('en')).body.message).toContain(cancelled.code);

    const missing = await t
      .http()
      .get('/api/groups/00000000-0000-4000-8000-000000000000')
      .set(bearer(staff))
      .set('accept-language', 'kk');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'group.not_found', message: 'Топ табылмады' });
  });

  it('answers a failed sign-in and a missing session in the language asked for', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .set('accept-language', 'kk')
      .send({ email: 'nobody@sheber.kz', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      code: 'auth.invalid_credentials',
      message: 'Пошта немесе құпиясөз қате',
    });
    const anonymous = await t.http().get('/api/trainees').set('accept-language', 'ru');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      code: 'auth.sign_in_required',
      message: 'Сначала войдите в систему',
    });
  });
});

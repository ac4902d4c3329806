// Masks credentials in text that leaves a client library: co-wechat-api and httpx put whole request
// URLs (with `secret=` and `access_token=`) into their error messages, which would otherwise reach
// log lines and stored errors (notifications.lastError).

const SECRET_PARAMS = /([?&](?:secret|appsecret|access_token|accesskeysecret|signature|js_code|code)=)[^&\s"']+/gi;

/** The text with secret query parameters and each known secret value replaced by `***`. */
export function redactSecrets(text: string, known: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(SECRET_PARAMS, '$1***');
  for (const secret of known) if (secret && secret.length >= 6) out = out.split(secret).join('***');
  return out;
}

/** A copy of an error safe to log and store: same name, code and stack shape, secrets masked. */
export function redactError<E>(err: E, known: ReadonlyArray<string | undefined> = []): E {
  if (!(err instanceof Error)) return err;
  const clean = new Error(redactSecrets(err.message, known)) as Error & Record<string, unknown>;
  clean.name = err.name;
  for (const key of ['code', 'status', 'statusCode'] as const) {
    const value = (err as unknown as Record<string, unknown>)[key];
    if (value !== undefined) clean[key] = value;
  }
  clean.stack = err.stack ? redactSecrets(err.stack, known) : undefined;
  return clean as E;
}

/**
 * The same client with every method's failure masked (sync throws and rejected promises alike), so no
 * call site can forget: for SDK clients whose errors may echo credentials.
 */
export function maskErrors<T extends object>(client: T, known: ReadonlyArray<string | undefined>): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return function (this: unknown, ...args: unknown[]) {
        try {
          const out = value.apply(this === receiver ? target : this, args);
          return out instanceof Promise ? out.catch((err: unknown) => Promise.reject(redactError(err, known))) : out;
        } catch (err) {
          throw redactError(err, known);
        }
      };
    },
  });
}

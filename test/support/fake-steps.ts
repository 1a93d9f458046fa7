/**
 * A stand-in saga function for local Step Functions tests. Behaviour by `input.step`:
 * `ok` adds a mark, `flaky` throws TransientError on its first call per execution key, `decline`
 * throws PaymentDeclinedError, `await_token` records the task token for the test to answer.
 * Shared state lives on globalThis so the test and the runtime's import see the same values.
 */
interface State { calls: Record<string, number>; tokens: string[] }
const g = globalThis as { __fakeSteps?: State };
export const state: State = (g.__fakeSteps ??= { calls: {}, tokens: [] });

class NamedError extends Error {
  constructor(name: string, message: string) { super(message); this.name = name; }
}

export const handler = async (input: { step: string; key?: string; token?: string; ctx?: Record<string, unknown> }): Promise<unknown> => {
  const key = `${input.step}:${input.key ?? ''}`;
  state.calls[key] = (state.calls[key] ?? 0) + 1;
  switch (input.step) {
    case 'ok':
      return { ...(input.ctx ?? {}), ok: true };
    case 'flaky':
      if (state.calls[key] === 1) throw new NamedError('TransientError', 'try again');
      return { ...(input.ctx ?? {}), flaky: 'recovered' };
    case 'decline':
      throw new NamedError('PaymentDeclinedError', 'card declined');
    case 'await_token':
      state.tokens.push(input.token ?? '');
      return null;
    default:
      throw new Error(`unknown step ${input.step}`);
  }
};

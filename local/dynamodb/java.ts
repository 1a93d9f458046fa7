import { spawnSync } from 'node:child_process';

/** Raised when the machine has no usable `java`; the message says how to install one. */
export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
  constructor(detail: string) {
    super(
      `DynamoDB Local needs Java 17+ but ${detail}.\n` +
        'Install it with:  apt-get install -y openjdk-17-jre-headless   (or set JAVA_HOME / put java on PATH)',
    );
  }
}

/** The java executable to run: `$JAVA_HOME/bin/java` when set, else `java` from PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const candidate = env.JAVA_HOME ? `${env.JAVA_HOME}/bin/java` : 'java';
  const probe = spawnSync(candidate, ['-version'], { stdio: 'ignore', timeout: 10_000 });
  if (probe.error) {
    const code = (probe.error as NodeJS.ErrnoException).code;
    throw new JavaMissingError(code === 'ENOENT' ? `\`${candidate}\` was not found` : `\`${candidate} -version\` failed (${code ?? probe.error.message})`);
  }
  if (probe.status !== 0) throw new JavaMissingError(`\`${candidate} -version\` exited with ${probe.status}`);
  return candidate;
}

/** `setpriv --pdeathsig KILL` makes the kernel kill the JVM when we die, even by SIGKILL. */
export function hasSetpriv(): boolean {
  const probe = spawnSync('setpriv', ['--help'], { stdio: 'ignore', timeout: 5_000 });
  return !probe.error && probe.status === 0;
}

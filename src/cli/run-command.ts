// The one way a command ends: its exit code, or exit 1 with a one-line message (never a stack trace).
export function runCommand(main: () => Promise<number>, failurePrefix?: string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(failurePrefix ? `${failurePrefix}: ${message}` : message);
      process.exit(1);
    },
  );
}

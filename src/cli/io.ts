/** The CLI's window on the world, injectable so commands can be tested without a process. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Reads all of standard input (used for passwords). */
  readStdin: () => Promise<string>;
}

export function createProcessIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

// One run of a job at a time: calls made while it runs fold into one more run after it, however many they are.

/**
 * Wraps `lavoro` so that it never runs twice at once: a call during a run asks for one more run (a second call asks
 * for nothing more), and every call resolves once the runs it asked for are done.
 */
export function unaAllaVolta(lavoro: () => Promise<void>): () => Promise<void> {
  let corrente: Promise<void> | undefined;
  let ancora = false;
  const esegui = async () => {
    try {
      do {
        ancora = false;
        await lavoro();
      } while (ancora);
    } finally {
      // In the same microtask as the loop's last check: a call can never fold into a run that has ended.
      corrente = undefined;
    }
  };
  return () => {
    if (corrente) {
      ancora = true;
      return corrente;
    }
    corrente = esegui();
    return corrente;
  };
}

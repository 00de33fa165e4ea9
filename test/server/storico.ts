// The history the browser suite's response times are computed from (test/server/plugin.ts writes it, relative to the
// moment the test runner starts): 1,040 requests in the last 90 days, in groups of 26, and three older ones. What
// GET /api/tempi-risposta answers from it is in test/tempi-risposta.test.ts, worked out by hand.

interface Gruppo {
  quante: number;
  /** Received this many minutes before the test runner started. */
  faMinuti: number;
  /** First resolved this many minutes after arriving; null: still open. */
  dopoMinuti: number | null;
}

const GIORNI = 24 * 60;

export const STORICO_DI_PROVA: { gruppi: Gruppo[] } = {
  gruppi: [
    // 260 within 10 minutes: 25% (of 1,040)
    { quante: 260, faMinuti: 2 * GIORNI, dopoMinuti: 5 },
    // 208 more within 30 minutes: 45%
    { quante: 208, faMinuti: 2 * GIORNI, dopoMinuti: 20 },
    // 156 more within the hour: 60%
    { quante: 156, faMinuti: 3 * GIORNI, dopoMinuti: 45 },
    // 208 more within the working day (8 hours): 80%
    { quante: 208, faMinuti: 10 * GIORNI, dopoMinuti: 4 * 60 },
    // 78 within 24 hours, in no published share
    { quante: 78, faMinuti: 30 * GIORNI, dopoMinuti: 12 * 60 },
    // 52 after more than 24 hours, and 78 still open after three days: 130 beyond 24 hours, 12.5%
    { quante: 52, faMinuti: 60 * GIORNI, dopoMinuti: 30 * 60 },
    { quante: 78, faMinuti: 3 * GIORNI, dopoMinuti: null },
    // Outside the window: counted nowhere
    { quante: 3, faMinuti: 120 * GIORNI, dopoMinuti: 5 },
  ],
};

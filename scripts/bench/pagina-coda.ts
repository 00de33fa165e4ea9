// The page the queue benchmark drives: the real elements and the page's queue, exposed for measuring.
import '../../src/index.js';
import { consegnaDellaPagina } from '../../src/delivery/consegna.js';

(window as unknown as { consegna: unknown }).consegna = consegnaDellaPagina();

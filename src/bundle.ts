// The single-file bundle's entry: registers every element, exports nothing (a host page uses the tags).
import './index.js';

// The portal's pages (home, assistance, the user's requests, the demo's mailbox): the package from src/ (Vite serves it live), the personal menu
// and the demo's control panel.
import '../src/index.js';
import './menu.js';
import './pannello.js';

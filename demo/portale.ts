// The portal's pages (home, assistance, back-office): the package from src/ (Vite serves it live), the personal menu
// and the demo's control panel.
import '../src/index.js';
import './menu.js';
import './pannello.js';

import { PasswordToggle } from "./password-toggle.js";

new PasswordToggle();

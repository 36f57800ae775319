import { PasswordToggle } from "./password-toggle.js";

new PasswordToggle();

// つなぐ/Phone opens in its own window, as the manual's MOT/Phone does.
for (const link of document.querySelectorAll("[data-phone-window]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    window.open(link.href, "tsunagu-phone", "width=1280,height=800");
  });
}

// 👁 next to a password field shows or hides what was typed (manual §4-3).
export class PasswordToggle {
  constructor(root = document) {
    for (const button of root.querySelectorAll("[data-toggle-password]")) {
      button.addEventListener("click", () => {
        const input = button.parentElement.querySelector("input");
        const hidden = input.type === "password";
        input.type = hidden ? "text" : "password";
        button.setAttribute("aria-pressed", String(hidden));
      });
    }
  }
}

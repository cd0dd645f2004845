// Copies GOV.UK Frontend's JavaScript into the package's static folder (no crown images or fonts).
const fs = require("fs");
const path = require("path");
const out = path.join(__dirname, "..", "src", "careforce", "web", "static");
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(
  path.join(__dirname, "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"),
  path.join(out, "govuk-frontend.min.js"),
);

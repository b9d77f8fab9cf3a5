// ESLint for the map's programs: plain browser scripts that define functions, which
// the Python elements beside them call inside their own scope (borderwatch.map.scripts).
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    files: ["src/borderwatch/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      ...js.configs.recommended.rules,
      "no-var": "off",
      eqeqeq: "error",
      "no-implicit-globals": "off",
    },
  },
];
